import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { images } from "@/db/schema";
import { storeFile } from "@/lib/files/store";

/** A 1×1 PNG in the organisation's image bank, as the EDITOR helper's upload stores it. */
export async function createBankImage(db: Db, orgId: string) {
  const png = Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
    "hex",
  );
  const file = await storeFile(
    db,
    { orgId, purpose: "image", name: "logo.png", contentType: "image/png" },
    [png],
  );
  const [img] = await db
    .insert(images)
    .values({
      orgId,
      fileId: file.id,
      publicKey: randomBytes(16).toString("base64url"),
      name: "Logo",
      contentType: "image/png",
      width: 1,
      height: 1,
      sizeBytes: png.length,
    })
    .returning();
  return { img: img!, png };
}
