import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { images, storedFiles } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { readFile, storeFile } from "@/lib/files/store";
import { authorizeActor, type Actor } from "@/lib/registers/registers";
import { inspectImage, MAX_IMAGE_BYTES } from "./sniff";

export type BankImage = typeof images.$inferSelect;

/** The public URL path of an image (absolute URLs add APP_URL in front). */
export const imagePath = (publicKey: string) => `/i/${publicKey}`;

/** Collects a byte stream into one buffer, refusing it as soon as it passes `max` bytes. */
export async function readUpTo(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  max = MAX_IMAGE_BYTES,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of bytes) {
    size += part.length;
    if (size > max)
      throw new AppError("BAD_REQUEST", {
        userMessage: `images.errors.tooLarge|mb=${max / 1024 / 1024}`,
      });
    parts.push(Buffer.from(part));
  }
  return Buffer.concat(parts, size);
}

/**
 * Adds an image to the organisation's bank (editors): checks type by content, size and
 * dimensions, stores the bytes (stored_files, purpose "image", no expiry) and gives it an
 * unguessable public key. The name is only a label.
 */
export async function saveImage(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { name: string; bytes: Uint8Array },
): Promise<BankImage> {
  await authorizeActor(db, orgId, actor, "editor");
  const info = inspectImage(input.bytes);
  const name = input.name.trim().slice(0, 200) || "image";
  return db.transaction(async (tx) => {
    const file = await storeFile(
      tx,
      { orgId, purpose: "image", name, contentType: info.contentType, createdBy: actor.userId },
      [input.bytes],
    );
    const [row] = await tx
      .insert(images)
      .values({
        orgId,
        fileId: file.id,
        publicKey: randomBytes(18).toString("base64url"),
        name,
        contentType: info.contentType,
        width: info.width,
        height: info.height,
        sizeBytes: input.bytes.length,
        createdBy: actor.userId,
      })
      .returning();
    return row!;
  });
}

/** The organisation's images, newest first. */
export async function listImages(db: Db, orgId: string): Promise<BankImage[]> {
  return db
    .select()
    .from(images)
    .where(eq(images.orgId, orgId))
    .orderBy(desc(images.createdAt), desc(images.id));
}

/** One image of the organisation, or null (another organisation's id included). */
export async function getImage(db: Db, orgId: string, imageId: string): Promise<BankImage | null> {
  if (!z.uuid().safeParse(imageId).success) return null;
  const [row] = await db
    .select()
    .from(images)
    .where(and(eq(images.orgId, orgId), eq(images.id, imageId)));
  return row ?? null;
}

/**
 * Removes an image and its bytes (editors); another organisation's id is NOT_FOUND. Messages
 * already sent keep linking to /i/<key>, which then answers 404; a brand logo is unset by the FK.
 */
export async function deleteImage(db: Db, orgId: string, actor: Actor, imageId: string) {
  await authorizeActor(db, orgId, actor, "editor");
  const img = await getImage(db, orgId, imageId);
  if (!img) throw new AppError("NOT_FOUND");
  await db.transaction(async (tx) => {
    await tx.delete(images).where(and(eq(images.orgId, orgId), eq(images.id, imageId)));
    await tx
      .delete(storedFiles)
      .where(and(eq(storedFiles.orgId, orgId), eq(storedFiles.id, img.fileId)));
  });
}

/**
 * A bank image by its public key for the public /i/<key> route (no organisation: the key is
 * the capability), with its bytes as a chunk iterator; null for an unknown key.
 */
export async function openPublicImage(db: Db, publicKey: string) {
  if (!/^[A-Za-z0-9_-]{22,64}$/.test(publicKey)) return null;
  const [img] = await db.select().from(images).where(eq(images.publicKey, publicKey));
  if (!img) return null;
  return { image: img, bytes: readFile(db, img.orgId, img.fileId) };
}
