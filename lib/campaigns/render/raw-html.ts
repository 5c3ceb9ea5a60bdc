import { escapeHtml } from "./footer";
import { sanitizeRawHtml } from "./sanitize";

/** Head lines every message carries: charset, viewport and light/dark colour schemes. */
export const HEAD_META =
  '<meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />' +
  '<meta name="color-scheme" content="light dark" /><meta name="supported-color-schemes" content="light dark" />';

/** The preheader as hidden preview text (inbox list snippet), padded so body text does not follow it. */
export function previewHtml(preheader: string): string {
  if (!preheader.trim()) return "";
  const pad = "&#x200C;&#xA0;".repeat(60);
  return `<div class="vk-preview" style="display:none;overflow:hidden;line-height:1px;opacity:0;max-height:0;max-width:0;mso-hide:all">${escapeHtml(preheader)}${pad}</div>`;
}

/**
 * Designer HTML (the "html" content kind): sanitized, wrapped in a full document when it is a
 * fragment, with the preheader after <body> and the compliance footer before </body>.
 */
export function assembleRawHtml(source: string, preheader: string, footer: string): string {
  const clean = sanitizeRawHtml(source);
  const hasBody = /<body[\s>]/i.test(clean);
  let doc = hasBody
    ? clean
    : `<!DOCTYPE html><html><head></head><body style="margin:0;padding:0">${clean}</body></html>`;
  if (!/<head[\s>]/i.test(doc)) doc = doc.replace(/<html([^>]*)>/i, "<html$1><head></head>");
  if (!/<html[\s>]/i.test(doc)) doc = `<html><head></head>${doc}</html>`;
  doc = doc.replace(/<head([^>]*)>/i, `<head$1>${HEAD_META}`);
  doc = doc.replace(/<body([^>]*)>/i, `<body$1>${previewHtml(preheader)}`);
  const at = doc.lastIndexOf("</body>");
  const footerBlock = `<div style="padding:16px 24px">${footer}</div>`;
  doc = at < 0 ? doc + footerBlock : doc.slice(0, at) + footerBlock + doc.slice(at);
  return doc.startsWith("<!DOCTYPE") ? doc : `<!DOCTYPE html>${doc}`;
}
