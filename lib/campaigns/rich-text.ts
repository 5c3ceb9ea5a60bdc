import sanitizeHtml from "sanitize-html";
import { RICH_TEXT_TAGS } from "./document";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_TAGS],
  allowedAttributes: { a: ["href", "target", "rel"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Script and style bodies go with their tags; anything else unknown keeps only its text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object"],
  disallowedTagsMode: "discard",
};

/**
 * Sanitizes rich-text HTML to the tags in RICH_TEXT_TAGS: no attributes but a link's href
 * (http, https, mailto, tel or a merge tag), target and rel; scripts and event handlers go.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

const CELL_ATTRS = ["align", "valign", "width", "height", "bgcolor", "colspan", "rowspan"];
const DESIGNER_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
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
    "span",
    "div",
    "u",
    "s",
    "h1",
  ],
  allowedAttributes: {
    "*": ["style", "class", "id", "dir", "lang", "role", "title", "align", "width", "height"],
    a: ["href", "target", "rel", "name"],
    img: ["src", "alt", "border"],
    table: ["border", "cellpadding", "cellspacing", "bgcolor", "background"],
    td: CELL_ATTRS,
    th: CELL_ATTRS,
    tr: CELL_ATTRS,
    font: ["color", "face", "size"],
    meta: ["name", "content", "charset", "http-equiv"],
    body: ["bgcolor"],
    html: ["xmlns"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https", "cid"] },
  allowProtocolRelative: false,
  // <style> is kept for e-mail clients; sanitize-html still drops scripts and event handlers.
  allowVulnerableTags: true,
  nonTextTags: ["script", "textarea", "option", "noscript", "iframe", "object"],
};

/**
 * Sanitizes a designer's full e-mail HTML (content kind "html"): layout tables, inline styles,
 * `<style>` and images stay; scripts, frames, forms, event handlers and javascript: URLs go.
 */
export function sanitizeDesignerHtml(html: string): string {
  return sanitizeHtml(html, DESIGNER_OPTIONS);
}
