import { LINK_SENTINEL, OPEN_SENTINEL, type RenderedLink } from "./types";
import { hasMergeTag } from "./merge-tags";

/**
 * Link numbering (E9): every trackable link (http/https, no merge tag in the URL) is numbered in
 * document order and its URL replaced by `LINK_SENTINEL(i)`; per recipient the dispatcher puts
 * that delivery's signed click URL there. Each occurrence gets its own number, so the report can
 * tell the header logo's link from the button with the same target.
 */

const A_RE = /<a\b([^>]*?)\bhref="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/gi;

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&quot;": '"',
  "&#x27;": "'",
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
  "&nbsp;": " ",
};

/** Decodes the few entities rendered HTML uses (enough for URLs and link labels). */
export function decodeEntities(s: string): string {
  return s
    .replace(/&(?:amp|quot|lt|gt|nbsp|#x27|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/&#(\d+);/g, (_e, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_e, n: string) => String.fromCodePoint(parseInt(n, 16)));
}

/** The visible label of a link: its text, else the alt text of an image inside it. */
function labelOf(inner: string): string {
  const text = decodeEntities(inner.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]*>/g, " "))
    .replace(/[\s\u200b-\u200f\ufeff]+/g, " ")
    .trim();
  if (text) return text.slice(0, 300);
  const alt = /\balt="([^"]*)"/i.exec(inner)?.[1];
  return alt ? decodeEntities(alt).slice(0, 300) : "";
}

/** True for a URL we track: absolute http(s) without a merge tag. */
export function isTrackable(url: string): boolean {
  return /^https?:\/\//i.test(url.trim()) && !hasMergeTag(url);
}

/** Numbers the trackable links of rendered HTML; returns the HTML with sentinels and the links. */
export function numberHtmlLinks(html: string): { html: string; links: RenderedLink[] } {
  const links: RenderedLink[] = [];
  const out = html.replace(A_RE, (whole, before: string, href: string, after: string, inner) => {
    const url = decodeEntities(href).trim();
    if (!isTrackable(url)) return whole;
    const idx = links.length;
    links.push({ idx, url, label: labelOf(inner as string) });
    return `<a${before}href="${LINK_SENTINEL(idx)}"${after}>${inner as string}</a>`;
  });
  return { html: out, links };
}

const TEXT_URL_RE = /https?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?]/gi;

/**
 * Numbers bare URLs of a hand-written text part. A URL that is already a numbered link of the
 * HTML part reuses that number (one link, two parts); others are appended to `links`.
 */
export function numberTextLinks(text: string, links: RenderedLink[]): string {
  return text.replace(TEXT_URL_RE, (url, offset: number) => {
    // A URL inside a merge tag or made from one is personal: leave it.
    const around = text.slice(Math.max(0, offset - 2), offset + url.length + 2);
    if (hasMergeTag(around) || !isTrackable(url)) return url;
    const existing = links.find((l) => l.url === url);
    if (existing) return LINK_SENTINEL(existing.idx);
    const idx = links.length;
    links.push({ idx, url, label: url });
    return LINK_SENTINEL(idx);
  });
}

/** The 1×1 open pixel as rendered; `stripOpenPixel` removes exactly this. */
export const OPEN_PIXEL_HTML = `<img src="${OPEN_SENTINEL}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0;margin:0;padding:0" />`;

/** Adds the open pixel at the end of the body. */
export function appendOpenPixel(html: string): string {
  const i = html.lastIndexOf("</body>");
  return i < 0 ? html + OPEN_PIXEL_HTML : html.slice(0, i) + OPEN_PIXEL_HTML + html.slice(i);
}

/** Removes the open pixel from rendered HTML (campaigns with open tracking switched off). */
export function stripOpenPixel(html: string): string {
  return html.split(OPEN_PIXEL_HTML).join("");
}
