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
