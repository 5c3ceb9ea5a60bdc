import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { images } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { EmailAttachment } from "@/lib/email/transport";
import { readFile } from "@/lib/files/store";
import type { ImageResolver } from "./images";
import type { InlineImage } from "./types";

const EXT: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

/**
 * Reads the bytes of a rendered message's inline images from the organisation's image bank, as
 * attachments for `OutgoingEmail.attachments`. Load once per campaign, not per recipient. Throws
 * NOT_FOUND when an image has been deleted since rendering (re-render the message).
 */
export async function loadInlineImageBytes(
  db: Db,
  orgId: string,
  inline: InlineImage[],
): Promise<EmailAttachment[]> {
  if (inline.length === 0) return [];
  const rows = await db
    .select({ id: images.id, fileId: images.fileId, contentType: images.contentType })
    .from(images)
    .where(
      and(
        eq(images.orgId, orgId),
        inArray(
          images.id,
          inline.map((i) => i.imageId),
        ),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: EmailAttachment[] = [];
  for (const [n, img] of inline.entries()) {
    const row = byId.get(img.imageId);
    if (!row) throw new AppError("NOT_FOUND", { userMessage: "render.imageMissing|block=-" });
    const parts: Buffer[] = [];
    for await (const chunk of readFile(db, orgId, row.fileId)) parts.push(chunk);
    out.push({
      filename: `image-${n + 1}.${EXT[row.contentType] ?? "bin"}`,
      content: Buffer.concat(parts),
      contentType: row.contentType,
      cid: img.cid,
    });
  }
  return out;
}

/**
 * A synchronous `imageResolver` for `renderMessage`: loads the given image-bank ids of the
 * organisation (others' ids resolve to null) with their public URL `<baseUrl>/i/<publicKey>`.
 * Pass `referencedImageIds(document, brand.logoImageId)`.
 */
export async function loadImageResolver(
  db: Db,
  orgId: string,
  imageIds: string[],
  baseUrl: string,
): Promise<ImageResolver> {
  const ids = imageIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const rows = ids.length
    ? await db
        .select({
          id: images.id,
          publicKey: images.publicKey,
          contentType: images.contentType,
          sizeBytes: images.sizeBytes,
        })
        .from(images)
        .where(and(eq(images.orgId, orgId), inArray(images.id, ids)))
    : [];
  const base = baseUrl.replace(/\/+$/, "");
  const byId = new Map(
    rows.map((r) => [
      r.id,
      { url: `${base}/i/${r.publicKey}`, contentType: r.contentType, sizeBytes: r.sizeBytes },
    ]),
  );
  return (id) => byId.get(id) ?? null;
}
