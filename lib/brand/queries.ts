import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { images } from "@/db/schema";

/** The organisation's image-bank images a logo can be chosen from, newest first (read only). */
export async function listLogoChoices(db: Db, orgId: string) {
  return db
    .select({
      id: images.id,
      name: images.name,
      publicKey: images.publicKey,
      contentType: images.contentType,
      width: images.width,
      height: images.height,
      sizeBytes: images.sizeBytes,
    })
    .from(images)
    .where(eq(images.orgId, orgId))
    .orderBy(desc(images.createdAt))
    .limit(500);
}
