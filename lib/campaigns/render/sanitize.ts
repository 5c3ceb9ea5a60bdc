import sanitizeHtml from "sanitize-html";
import { RICH_TEXT_TAGS } from "@/lib/campaigns/document";

/**
 * Sanitizers for message HTML (E4). Rich text is limited to the editor's tags; designer HTML
 * (the "html" content kind) keeps layout markup but loses everything that runs code or posts
 * data: scripts, event handlers, javascript:/data: URLs, forms, frames and embeds. Both run at
 * render time whatever was stored, so a row written around the editor cannot smuggle script.
 */

/** A link target we let through: http(s), mailto, tel, or a Liquid tag that yields one. */
export function isSafeHref(href: string): boolean {
  const h = href.trim();
  return /^(https?:\/\/|mailto:|tel:)/i.test(h) || /^\{[{%]/.test(h);
}

/** An image source we let through: http(s), cid: (inline images) or a Liquid tag. */
export function isSafeSrc(src: string): boolean {
  const s = src.trim();
  return /^(https?:\/\/|cid:)/i.test(s) || /^\{[{%]/.test(s);
}

/** Drops unsafe href/src values (sanitize-html's scheme list cannot express "Liquid tag"). */
function checkUrls(tagName: string, attribs: sanitizeHtml.Attributes) {
  const out = { ...attribs };
  if (out.href !== undefined && !isSafeHref(out.href)) delete out.href;
  if (out.src !== undefined && !isSafeSrc(out.src)) delete out.src;
  if (out.style !== undefined && /expression\s*\(|javascript:|behavior\s*:/i.test(out.style))
    delete out.style;
  return { tagName, attribs: out };
}

const urlTransform = { "*": checkUrls };

/** Rich text of a text or footer block: RICH_TEXT_TAGS only, links with safe hrefs. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...RICH_TEXT_TAGS],
    allowedAttributes: { a: ["href", "title"] },
    // Scheme checks happen in the transform so Liquid tags (no scheme) survive.
    allowedSchemesAppliedToAttributes: [],
    allowProtocolRelative: false,
    transformTags: urlTransform,
  });
}

/** Tags designer HTML may use: document structure, tables, text, images, links, <style>. */
const RAW_TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  "html",
  "head",
  "body",
  "meta",
  "title",
  "style",
  "img",
  "center",
  "font",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
];

const RAW_ATTRIBUTES = [
  "style",
  "class",
  "id",
  "align",
  "valign",
  "width",
  "height",
  "bgcolor",
  "color",
  "border",
  "cellpadding",
  "cellspacing",
  "role",
  "dir",
  "lang",
  "title",
  "alt",
  "face",
  "size",
  "colspan",
  "rowspan",
];

/**
 * Designer HTML: keeps layout (tables, inline styles, <style>, images, links) and removes
 * <script>, on* handlers, javascript:/data: URLs, forms, iframes, objects and embeds.
 */
export function sanitizeRawHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: RAW_TAGS,
    allowedAttributes: {
      "*": RAW_ATTRIBUTES,
      a: [...RAW_ATTRIBUTES, "href", "target", "name"],
      img: [...RAW_ATTRIBUTES, "src"],
      meta: ["name", "content", "charset", "http-equiv"],
    },
    allowedSchemesAppliedToAttributes: [],
    allowProtocolRelative: false,
    allowVulnerableTags: true, // <style> is needed for media queries; its content is CSS only
    disallowedTagsMode: "discard",
    nonTextTags: ["script", "textarea", "option", "noscript", "iframe", "object", "embed"],
    transformTags: urlTransform,
    exclusiveFilter: (frame) =>
      frame.tag === "style" && /expression\s*\(|javascript:|@import/i.test(frame.text),
  });
}
