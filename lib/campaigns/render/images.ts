import type { InlineImage } from "./types";

/** What the renderer needs to know of an image-bank image (the caller looks it up, org-scoped). */
export type ResolvedImage = { url: string; contentType: string; sizeBytes: number };
export type ImageResolver = (imageId: string) => ResolvedImage | null;

/**
 * Turns image-bank ids into `src` values: the public absolute URL, or in CID mode a `cid:`
 * reference with one InlineImage entry per distinct image (the dispatcher attaches the bytes).
 */
export function imageSources(resolve: ImageResolver, inline: boolean) {
  const inlineImages: InlineImage[] = [];
  const byId = new Map<string, string>();
  function src(imageId: string): string | null {
    const known = byId.get(imageId);
    if (known) return known;
    const img = resolve(imageId);
    if (!img) return null;
    let value = img.url;
    if (inline) {
      const cid = `img${inlineImages.length + 1}@viestikone`;
      inlineImages.push({ cid, imageId, contentType: img.contentType, sizeBytes: img.sizeBytes });
      value = `cid:${cid}`;
    }
    byId.set(imageId, value);
    return value;
  }
  return { src, inlineImages };
}

/** The image-bank ids a document uses (image blocks, also inside columns), plus a logo id. */
export function referencedImageIds(document: unknown, logoImageId: string | null): string[] {
  const ids = new Set<string>();
  if (logoImageId) ids.add(logoImageId);
  const visit = (blocks: unknown) => {
    if (!Array.isArray(blocks)) return;
    for (const b of blocks as { type?: unknown; imageId?: unknown; columns?: unknown }[]) {
      if (b?.type === "image" && typeof b.imageId === "string") ids.add(b.imageId);
      if (b?.type === "columns" && Array.isArray(b.columns)) b.columns.forEach(visit);
    }
  };
  visit((document as { blocks?: unknown } | null)?.blocks);
  return [...ids];
}
