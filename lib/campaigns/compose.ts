import type { OutgoingEmail } from "@/lib/email/transport";
import { env } from "@/lib/env";
import {
  compileTemplate,
  renderTemplate,
  type CompiledTemplate,
  type MergeValue,
} from "@/lib/personalize/template";
import type { RecipientUrls } from "@/lib/tracking/tokens";
import {
  LINK_SENTINEL_RE,
  OPEN_SENTINEL,
  UNSUBSCRIBE_SENTINEL,
  type RenderedMessage,
} from "./render/types";

/**
 * Per-recipient composition (E3, E8, E9, E10): the message rendered once per campaign is
 * compiled once (`compileMessage`), then for each recipient the merge tags are filled and the
 * sentinels replaced with that delivery's signed URLs (`personalizeMessage`).
 *
 * Sentinels are replaced after Liquid ran. A recipient whose own value happens to contain a
 * sentinel gets their own tracking URL there: harmless, as every URL is theirs and a click
 * token redirects only to this message's links.
 */
export type CompiledMessage = {
  rendered: RenderedMessage;
  subject: CompiledTemplate;
  html: CompiledTemplate | null;
  text: CompiledTemplate;
  trackOpens: boolean;
  trackClicks: boolean;
};

/** Compiles a rendered message's merge tags once (throws naming an unknown field). */
export function compileMessage(
  rendered: RenderedMessage,
  opts: { fields: Iterable<string>; trackOpens: boolean; trackClicks: boolean },
): CompiledMessage {
  const fields = [...opts.fields];
  return {
    rendered,
    subject: compileTemplate(rendered.subject, { kind: "text", fields }),
    html: rendered.html === null ? null : compileTemplate(rendered.html, { kind: "html", fields }),
    text: compileTemplate(rendered.text, { kind: "text", fields }),
    trackOpens: opts.trackOpens,
    trackClicks: opts.trackClicks,
  };
}

export type PersonalizedMessage = {
  subject: string;
  html: string | null;
  text: string;
  headers: Record<string, string>;
};

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An `<img …>` (the open pixel) whose src is the open sentinel. */
const PIXEL_TAG_RE = new RegExp(`<img\\b[^>]*${OPEN_SENTINEL}[^>]*>`, "g");

function fillSentinels(
  body: string,
  m: CompiledMessage,
  urls: RecipientUrls | null,
  html: boolean,
): string {
  const esc = html ? escapeAttr : (s: string) => s;
  let out = body;
  if (!m.trackOpens || !urls) out = out.replace(PIXEL_TAG_RE, "");
  out = out.split(OPEN_SENTINEL).join(m.trackOpens && urls ? esc(urls.open) : "");
  out = out.split(UNSUBSCRIBE_SENTINEL).join(esc(urls?.unsubscribe ?? env().APP_URL));
  return out.replace(LINK_SENTINEL_RE, (_, i: string) => {
    const idx = Number(i);
    const original = m.rendered.links.find((l) => l.idx === idx)?.url ?? "";
    return esc(m.trackClicks && urls ? urls.click(idx) : original);
  });
}

/**
 * The one-click unsubscribe headers of every marketing message (RFC 8058): exactly one
 * `List-Unsubscribe` with the https URL and the mailto, and `List-Unsubscribe-Post`. Passed as
 * plain header strings, which every transport (SMTP included) emits as one header each.
 */
export function unsubscribeHeaders(urls: RecipientUrls): Record<string, string> {
  return {
    "List-Unsubscribe": `<${urls.unsubscribe}>, <${urls.unsubscribeMailto}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/**
 * One recipient's message: merge tags filled with `values` (HTML-escaped in the HTML part),
 * sentinels replaced with the delivery's URLs (the pixel only with open tracking, rewritten
 * links only with click tracking, else the original URL), plus the unsubscribe headers.
 * Throws when a render limit is hit; the caller fails that recipient.
 */
export function personalizeMessage(
  m: CompiledMessage,
  values: Record<string, MergeValue>,
  urls: RecipientUrls,
): PersonalizedMessage {
  return {
    subject: oneLine(renderTemplate(m.subject, values)),
    html: m.html ? fillSentinels(renderTemplate(m.html, values), m, urls, true) : null,
    text: fillSentinels(renderTemplate(m.text, values), m, urls, false),
    headers: unsubscribeHeaders(urls),
  };
}

/** Subjects are one line: a newline in a recipient's value must not start a new header. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ").trim();

/**
 * A test message (E5) for the pre-flight: like a recipient's message but with "[TEST] " before
 * the subject, no open pixel and links to their original targets. A test has no delivery to
 * unsubscribe from: without `urls` the unsubscribe link points to the app and no
 * List-Unsubscribe headers are added.
 */
export function composeTestMessage(
  m: CompiledMessage,
  values: Record<string, MergeValue>,
  urls: RecipientUrls | null = null,
): PersonalizedMessage {
  const plain: CompiledMessage = { ...m, trackOpens: false, trackClicks: false };
  return {
    subject: `[TEST] ${oneLine(renderTemplate(m.subject, values))}`,
    html: m.html ? fillSentinels(renderTemplate(m.html, values), plain, urls, true) : null,
    text: fillSentinels(renderTemplate(m.text, values), plain, urls, false),
    headers: urls ? unsubscribeHeaders(urls) : {},
  };
}

/** `"Name" <address>` (quotes and backslashes escaped), or the bare address without a name. */
export function formatFrom(name: string, address: string): string {
  const n = name.replace(/[\r\n]+/g, " ").trim();
  return n ? `"${n.replace(/["\\]/g, "\\$&")}" <${address}>` : address;
}

/** The transport message for one delivery (idempotency key `d:<deliveryId>`). */
export function toOutgoing(
  p: PersonalizedMessage,
  d: { deliveryId: number; orgId: string; from: string; to: string; replyTo: string | null },
): OutgoingEmail {
  return {
    key: `d:${d.deliveryId}`,
    orgId: d.orgId,
    from: d.from,
    to: d.to,
    ...(d.replyTo ? { replyTo: d.replyTo } : {}),
    subject: p.subject,
    ...(p.html !== null ? { html: p.html } : {}),
    text: p.text,
    headers: p.headers,
  };
}
