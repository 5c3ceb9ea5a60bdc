import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { brands, images } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { authorizeMember } from "@/lib/orgs/authorize";
import { DEFAULT_BRAND, type BrandStyle } from "./defaults";
import type { BrandInput } from "./schemas";

export type Actor = { userId: string; userEmail: string; ip?: string | null };

/** The organisation's brand, or the defaults when none has been saved. */
export async function getBrand(db: Db, orgId: string): Promise<BrandStyle & { saved: boolean }> {
  const [row] = await db.select().from(brands).where(eq(brands.orgId, orgId));
  if (!row) return { ...DEFAULT_BRAND, saved: false };
  return {
    logoImageId: row.logoImageId,
    primaryColor: row.primaryColor,
    textColor: row.textColor,
    backgroundColor: row.backgroundColor,
    contentBackgroundColor: row.contentBackgroundColor,
    fontStack: row.fontStack,
    saved: true,
  };
}

/**
 * Saves the brand (editors and main users). The logo must be an image of the same
 * organisation's image bank (another organisation's image id is refused as not found).
 * Audited as `brand.updated` in the same transaction.
 */
export async function updateBrand(
  db: Db,
  orgId: string,
  actor: Actor,
  input: BrandInput,
): Promise<BrandStyle> {
  await authorizeMember(db, { orgId, userId: actor.userId, min: "editor" });
  if (input.logoImageId) {
    const [img] = await db
      .select({ id: images.id })
      .from(images)
      .where(and(eq(images.id, input.logoImageId), eq(images.orgId, orgId)));
    if (!img)
      throw new AppError("BAD_REQUEST", {
        userMessage: "brand.errors.logo",
        fieldErrors: { logoImageId: ["brand.errors.logo"] },
      });
  }
  return db.transaction(async (tx) => {
    const values = { ...input, updatedAt: new Date() };
    const [row] = await tx
      .insert(brands)
      .values({ orgId, ...values })
      .onConflictDoUpdate({ target: brands.orgId, set: values })
      .returning();
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "brand.updated",
      targetType: "brand",
      targetId: orgId,
      ip: actor.ip ?? null,
      details: { ...input },
    });
    return row!;
  });
}
