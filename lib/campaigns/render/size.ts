import { mimeSize } from "@/lib/email/mime-size";
import {
  GMAIL_CLIP_BYTES,
  LINK_SENTINEL_RE,
  MAX_MIME_BYTES,
  OPEN_SENTINEL,
  UNSUBSCRIBE_SENTINEL,
  type InlineImage,
  type RenderFinding,
} from "./types";

/**
 * Size of a rendered message as sent (E4). Sentinels are replaced by URLs as long as a
 * recipient's signed ones and the headers a campaign carries (List-Unsubscribe etc.) are
 * counted, so the estimate is what one recipient's message will weigh, give or take the
 * length of their merge-tag values.
 */
export function estimateSizes(opts: {
  subject: string;
  html: string | null;
  text: string;
  inlineImages: InlineImage[];
  baseUrl: string;
}): { htmlBytes: number; mimeBytes: number } {
  const base = opts.baseUrl.replace(/\/+$/, "");
  // Token lengths as lib/tracking/tokens signs them for a delivery id in the millions.
  const expand = (s: string) =>
    s
      .replace(LINK_SENTINEL_RE, `${base}/t/c/c${"x".repeat(5)}.${"x".repeat(2)}.${"x".repeat(22)}`)
      .split(OPEN_SENTINEL)
      .join(`${base}/t/o/o${"x".repeat(5)}.${"x".repeat(22)}`)
      .split(UNSUBSCRIBE_SENTINEL)
      .join(`${base}/u/u${"x".repeat(5)}.${"x".repeat(22)}`);
  const html = opts.html === null ? undefined : expand(opts.html);
  const unsubscribe = `<${base}/u/u${"x".repeat(28)}>, <mailto:unsubscribe@example.com?subject=unsubscribe%20u${"x".repeat(28)}>`;
  const mimeBytes = mimeSize({
    from: `"${"x".repeat(40)}" <${"x".repeat(40)}@example.com>`,
    to: `${"x".repeat(40)}@example.com`,
    subject: opts.subject,
    html,
    text: expand(opts.text),
    headers: {
      "List-Unsubscribe": unsubscribe,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    attachments: opts.inlineImages.map((i) => ({ filename: i.cid, size: i.sizeBytes })),
  });
  return { htmlBytes: opts.html === null ? 0 : Buffer.byteLength(opts.html, "utf8"), mimeBytes };
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

/** The size findings: over MAX_MIME_BYTES blocks the send, HTML over Gmail's clip warns. */
export function sizeFindings(sizes: { htmlBytes: number; mimeBytes: number }): RenderFinding[] {
  const findings: RenderFinding[] = [];
  if (sizes.mimeBytes > MAX_MIME_BYTES)
    findings.push({
      code: "render.mimeTooLarge",
      severity: "block",
      values: { kb: kb(sizes.mimeBytes), maxKb: kb(MAX_MIME_BYTES), bytes: sizes.mimeBytes },
    });
  if (sizes.htmlBytes > GMAIL_CLIP_BYTES)
    findings.push({
      code: "render.htmlOverGmailClip",
      severity: "warn",
      values: { kb: kb(sizes.htmlBytes), limitKb: kb(GMAIL_CLIP_BYTES), bytes: sizes.htmlBytes },
    });
  return findings;
}
