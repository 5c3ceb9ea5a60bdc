/**
 * The contract between rendering (once per campaign, E4) and dispatch (per recipient, E8).
 *
 * `renderMessage` (lib/campaigns/render) turns a campaign's content into a `RenderedMessage`:
 * HTML and text that still contain Liquid merge tags, with every trackable link replaced by a
 * sentinel `LINK_SENTINEL(i)` (i = index into `links`), the open pixel by `OPEN_SENTINEL` and the
 * unsubscribe / preferences URL by `UNSUBSCRIBE_SENTINEL`. It is stored in `campaigns.rendered`.
 *
 * Per recipient, `personalizeMessage` (lib/campaigns/compose) fills the merge tags with the
 * contact's values (lib/personalize) and replaces the sentinels with that delivery's signed URLs
 * (lib/tracking/tokens `recipientUrls`). Sentinels are plain ASCII that Liquid leaves alone and
 * that no escaping changes.
 */

export const OPEN_SENTINEL = "%%VK_OPEN%%";
export const UNSUBSCRIBE_SENTINEL = "%%VK_UNSUB%%";
export const LINK_SENTINEL = (i: number) => `%%VK_LINK_${i}%%`;
/** Matches any link sentinel; group 1 is the index. */
export const LINK_SENTINEL_RE = /%%VK_LINK_(\d+)%%/g;

export type RenderedLink = { idx: number; url: string; label: string };

/** An image embedded inline (CID) when the campaign asks for it. */
export type InlineImage = { cid: string; imageId: string; contentType: string; sizeBytes: number };

export type RenderFinding = {
  /** i18n key under the `render` namespace, e.g. "render.htmlOverGmailClip". */
  code: string;
  severity: "block" | "warn";
  values?: Record<string, string | number>;
};

export type RenderedMessage = {
  subject: string;
  preheader: string;
  /** Null for text-only messages. */
  html: string | null;
  text: string;
  links: RenderedLink[];
  inlineImages: InlineImage[];
  /** Bytes of the HTML part before personalization. */
  htmlBytes: number;
  /** Full MIME size estimate (both parts, headers, inline images, transfer encoding). */
  mimeBytes: number;
  /** Size and content findings: "block" findings stop the send (e.g. over 250 kB). */
  findings: RenderFinding[];
};

/** Hard cap on a message's full MIME size (E4). */
export const MAX_MIME_BYTES = 250 * 1024;
/** Gmail clips HTML bodies over about 102 kB (E4 warns). */
export const GMAIL_CLIP_BYTES = 102 * 1024;
