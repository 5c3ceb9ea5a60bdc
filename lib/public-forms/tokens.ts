import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { publicTokens } from "@/db/schema";

export const TOKEN_DAYS = 7;
export type TokenPurpose = "confirm" | "edit";

const hashToken = (raw: string) => createHash("sha256").update(raw).digest("hex");

/** Creates a link token (7 days); only its SHA-256 is stored. Returns the raw token for the mail. */
export async function createPublicToken(
  db: Db,
  t: { orgId: string; registerId: string; contactId: string; purpose: TokenPurpose; now: Date },
): Promise<string> {
  const raw = randomBytes(24).toString("base64url");
  await db.insert(publicTokens).values({
    orgId: t.orgId,
    registerId: t.registerId,
    contactId: t.contactId,
    purpose: t.purpose,
    tokenHash: hashToken(raw),
    createdAt: t.now,
    expiresAt: new Date(t.now.getTime() + TOKEN_DAYS * 86_400_000),
  });
  return raw;
}

/** How many tokens of a purpose were made for a contact since a time (the mail-per-day rule). */
export async function tokensSince(db: Db, contactId: string, purpose: TokenPurpose, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(publicTokens)
    .where(
      and(
        eq(publicTokens.contactId, contactId),
        eq(publicTokens.purpose, purpose),
        gt(publicTokens.createdAt, since),
      ),
    );
  return Number(row?.n ?? 0);
}

/** A token row that is valid now (right purpose, unused, unexpired), or null. */
export async function findValidToken(db: Db, raw: string, purpose: TokenPurpose, now: Date) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(raw)) return null;
  const [row] = await db
    .select()
    .from(publicTokens)
    .where(
      and(
        eq(publicTokens.tokenHash, hashToken(raw)),
        eq(publicTokens.purpose, purpose),
        isNull(publicTokens.usedAt),
        gt(publicTokens.expiresAt, now),
      ),
    );
  return row ?? null;
}

/** Marks a token used, atomically: false when another request used it first (single use). */
export async function consumeToken(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(publicTokens)
    .set({ usedAt: now })
    .where(and(eq(publicTokens.id, id), isNull(publicTokens.usedAt)))
    .returning({ id: publicTokens.id });
  return rows.length > 0;
}
