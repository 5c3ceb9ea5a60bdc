import { imageSize } from "image-size";
import { AppError } from "@/lib/errors";

/** Image types the bank accepts, by their content (magic bytes), never by file name. */
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 4000;

const startsWith = (b: Uint8Array, sig: number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

/** The image type of the bytes by their signature, or null when it is none of IMAGE_TYPES. */
export function sniffImageType(b: Uint8Array): ImageType | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38]) && (b[4] === 0x37 || b[4] === 0x39) && b[5] === 0x61)
    return "image/gif";
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  return null;
}

/**
 * Checks an upload: a png/jpg/gif/webp by content, at most MAX_IMAGE_BYTES and
 * MAX_IMAGE_SIDE px each way. Throws BAD_REQUEST with an "images.errors.*" key otherwise.
 */
export function inspectImage(b: Uint8Array): {
  contentType: ImageType;
  width: number;
  height: number;
} {
  if (b.length === 0) throw new AppError("BAD_REQUEST", { userMessage: "images.errors.empty" });
  if (b.length > MAX_IMAGE_BYTES)
    throw new AppError("BAD_REQUEST", {
      userMessage: `images.errors.tooLarge|mb=${MAX_IMAGE_BYTES / 1024 / 1024}`,
    });
  const contentType = sniffImageType(b);
  if (!contentType) throw new AppError("BAD_REQUEST", { userMessage: "images.errors.notImage" });
  let width = 0;
  let height = 0;
  try {
    const size = imageSize(b);
    width = size.width;
    height = size.height;
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: "images.errors.corrupt" });
  }
  if (!width || !height)
    throw new AppError("BAD_REQUEST", { userMessage: "images.errors.corrupt" });
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
    throw new AppError("BAD_REQUEST", {
      userMessage: `images.errors.tooBig|max=${MAX_IMAGE_SIDE}|width=${width}|height=${height}`,
    });
  return { contentType, width, height };
}
