import { AppError, isAppError } from "@/lib/errors";
import { compileTemplate, type TemplateKind } from "@/lib/personalize/template";
import type { Block, EmailDocument, LeafBlock } from "./document";
import { sanitizeRichText } from "./rich-text";

type Source = { blockId: string | null; text: string; kind: TemplateKind };

function leafSources(b: LeafBlock | Block): Source[] {
  const s = (text: string | undefined, kind: TemplateKind = "html") =>
    text ? [{ blockId: b.id, text, kind }] : [];
  switch (b.type) {
    case "heading":
      return s(b.text);
    case "text":
      return s(b.html);
    case "image":
      return [...s(b.src), ...s(b.alt), ...s(b.href)];
    case "button":
      return [...s(b.label), ...s(b.href)];
    case "social":
      return b.links.flatMap((l) => s(l.url));
    case "footer":
      return s(b.html);
    case "columns":
      return b.columns.flatMap((col) => col.flatMap(leafSources));
    default:
      return [];
  }
}

/** Every text of a document that may hold merge tags, with the block it belongs to. */
export function documentSources(doc: EmailDocument): Source[] {
  return doc.blocks.flatMap(leafSources);
}

/**
 * Compiles every merge tag of the content against the register's fields. Unknown fields, tags
 * or filters are refused with an AppError whose fieldErrors name the place: `block:<id>` for a
 * block, or `html` / `textBody` for the other content kinds.
 */
export function assertMergeTags(sources: Source[], fields: string[]): void {
  const fieldErrors: Record<string, string[]> = {};
  for (const src of sources) {
    try {
      compileTemplate(src.text, { kind: src.kind, fields });
    } catch (err) {
      if (!isAppError(err)) throw err;
      const key = src.blockId ? `block:${src.blockId}` : src.kind === "html" ? "html" : "textBody";
      (fieldErrors[key] ??= []).push(err.userMessage);
    }
  }
  const first = Object.values(fieldErrors)[0]?.[0];
  if (first) throw new AppError("BAD_REQUEST", { userMessage: first, fieldErrors });
}

/** The document with every rich-text and footer HTML sanitized to RICH_TEXT_TAGS. */
export function sanitizeDocument(doc: EmailDocument): EmailDocument {
  const leaf = <B extends LeafBlock | Block>(b: B): B => {
    if (b.type === "text" || b.type === "footer") return { ...b, html: sanitizeRichText(b.html) };
    if (b.type === "columns") return { ...b, columns: b.columns.map((c) => c.map(leaf)) };
    return b;
  };
  return { ...doc, blocks: doc.blocks.map(leaf) };
}

const SAFE_URL = /^(https?:\/\/|mailto:|tel:|\{\{)/i;

function leafUrls(b: LeafBlock | Block): { blockId: string; url: string; image: boolean }[] {
  const u = (url: string | undefined, image = false) =>
    url ? [{ blockId: b.id, url, image }] : [];
  switch (b.type) {
    case "image":
      return [...u(b.src, true), ...u(b.href)];
    case "button":
      return u(b.href);
    case "social":
      return b.links.flatMap((l) => u(l.url));
    case "columns":
      return b.columns.flatMap((col) => col.flatMap(leafUrls));
    default:
      return [];
  }
}

/**
 * Refuses link and image addresses that are not http(s), mailto or tel (or a merge tag that
 * yields one): no javascript: or data: URLs. Images must be http(s). Empty is allowed in a draft.
 */
export function assertSafeUrls(doc: EmailDocument): void {
  const fieldErrors: Record<string, string[]> = {};
  for (const { blockId, url, image } of doc.blocks.flatMap(leafUrls)) {
    const ok = image ? /^(https?:\/\/|\{\{)/i.test(url.trim()) : SAFE_URL.test(url.trim());
    if (!ok) {
      const shown = url.slice(0, 60).replace(/[|=]/g, " ");
      (fieldErrors[`block:${blockId}`] ??= []).push(`editor.errors.badUrl|url=${shown}`);
    }
  }
  const first = Object.values(fieldErrors)[0]?.[0];
  if (first) throw new AppError("BAD_REQUEST", { userMessage: first, fieldErrors });
}
