import {
  GMAIL_CLIP_BYTES,
  MAX_MIME_BYTES,
  UNSUBSCRIBE_SENTINEL,
  type RenderedMessage,
} from "./render/types";

/**
 * The built-in spam checks of the pre-flight (E5): content habits that filters punish and a
 * marketer can fix. Each finding is an i18n key under `preflight.spam.<rule>` with `title` and
 * `fix`, a severity, and values for the text. Always run, with or without rspamd.
 */
export type SpamRule =
  | "sizeOverCap"
  | "htmlClipped"
  | "missingText"
  | "imageHeavy"
  | "imageOnly"
  | "subjectCaps"
  | "subjectExclamation"
  | "missingUnsubscribe"
  | "linkTextMismatch"
  | "urlShortener";

export type SpamFinding = {
  rule: SpamRule;
  severity: "high" | "medium" | "low";
  values?: Record<string, string | number>;
};

/** Link shorteners hide where a link goes; filters score them. */
export const SHORTENER_HOSTS = new Set([
  "bit.ly",
  "bitly.com",
  "tinyurl.com",
  "t.co",
  "goo.gl",
  "ow.ly",
  "is.gd",
  "buff.ly",
  "rebrand.ly",
  "cutt.ly",
  "shorturl.at",
  "tiny.cc",
  "t.ly",
  "rb.gy",
  "s.id",
  "v.gd",
  "bl.ink",
  "lnkd.in",
  "soo.gd",
  "shorte.st",
]);

export type SpamCheckInput = {
  /** The message as rendered once (sentinels in place, links with their labels). */
  rendered: RenderedMessage;
  /** The subject as a recipient sees it (merge tags filled). */
  subject: string;
  /** The HTML a recipient gets (null for text-only messages). */
  html: string | null;
  text: string;
};

const decode = (s: string) =>
  s
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Visible text of an HTML body: no head, styles, scripts, comments or tags. */
export function visibleText(html: string): string {
  return decode(
    html
      .replace(/<head[\s\S]*?<\/head>/gi, " ")
      .replace(/<(style|script)[\s\S]*?<\/\1>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
};

/** The host a link text names when it looks like a URL or a bare domain ("www.pankki.fi"). */
function hostInText(label: string): string | null {
  const t = label.trim();
  if (!/^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(t)) return null;
  return hostOf(/^https?:\/\//i.test(t) ? t : `http://${t}`);
}

/** True when two hosts are the same site (one a subdomain of the other counts). */
const sameSite = (a: string, b: string) => a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);

/** Runs every built-in rule on a message; findings most severe first. */
export function runSpamChecks(input: SpamCheckInput): SpamFinding[] {
  const { rendered, subject, html, text } = input;
  const out: SpamFinding[] = [];
  const kb = (n: number) => Math.round(n / 1024);

  if (rendered.mimeBytes > MAX_MIME_BYTES)
    out.push({
      rule: "sizeOverCap",
      severity: "high",
      values: { kb: kb(rendered.mimeBytes), cap: kb(MAX_MIME_BYTES) },
    });
  else if (rendered.htmlBytes > GMAIL_CLIP_BYTES)
    out.push({
      rule: "htmlClipped",
      severity: "medium",
      values: { kb: kb(rendered.htmlBytes), cap: kb(GMAIL_CLIP_BYTES) },
    });

  if (html !== null && text.replace(/\s+/g, "").length < 20)
    out.push({ rule: "missingText", severity: "high" });

  if (html !== null) {
    const images = (html.match(/<img\b/gi) ?? []).length;
    const words = visibleText(html).length;
    if (images > 0 && words < 50)
      out.push({ rule: "imageOnly", severity: "high", values: { images } });
    // SpamAssassin's HTML_IMAGE_RATIO rules fire on little text per image; ~300 characters each.
    else if (images > 0 && words / images < 300)
      out.push({ rule: "imageHeavy", severity: "medium", values: { images, chars: words } });
  }

  const letters = subject.replace(/[^\p{L}]/gu, "");
  const upper = letters.replace(/[^\p{Lu}]/gu, "").length;
  if (letters.length >= 8 && upper / letters.length > 0.7)
    out.push({ rule: "subjectCaps", severity: "medium" });
  if (/!{2,}|[!?]{3,}/.test(subject)) out.push({ rule: "subjectExclamation", severity: "medium" });

  const unsubscribe =
    (rendered.html ?? "").includes(UNSUBSCRIBE_SENTINEL) ||
    rendered.text.includes(UNSUBSCRIBE_SENTINEL);
  if (!unsubscribe) out.push({ rule: "missingUnsubscribe", severity: "high" });

  const shorteners = new Set<string>();
  for (const link of rendered.links) {
    const target = hostOf(link.url);
    if (!target) continue;
    const named = hostInText(link.label);
    if (named && !sameSite(named, target))
      out.push({
        rule: "linkTextMismatch",
        severity: "high",
        values: { text: link.label.trim(), host: target },
      });
    if (SHORTENER_HOSTS.has(target)) shorteners.add(target);
  }
  for (const host of shorteners)
    out.push({ rule: "urlShortener", severity: "medium", values: { host } });

  const rank = { high: 0, medium: 1, low: 2 };
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
