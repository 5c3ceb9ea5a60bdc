import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { authTokens } from "@/db/schema";
import { hashToken, newToken } from "./tokens";

export type TokenKind = (typeof authTokens.$inferSelect)["kind"];
export type AuthTokenRow = typeof authTokens.$inferSelect;

/** How long each kind of link stays valid. */
export const TOKEN_TTL_MS: Record<TokenKind, number> = {
  verify_email: 24 * 3600_000,
  reset_password: 3600_000,
  change_email: 24 * 3600_000,
};

/**
 * Stores a new single-use link token for a user (only its hash) and returns the token for the
 * link. Pass the transaction of the change that mails it.
 */
export async function issueAuthToken(
  db: Db,
  opts: { userId: string; kind: TokenKind; email: string; now: Date },
): Promise<{ token: string; id: string }> {
  const { token, hash } = newToken();
  const [row] = await db
    .insert(authTokens)
    .values({
      userId: opts.userId,
      kind: opts.kind,
      tokenHash: hash,
      email: opts.email,
      expiresAt: new Date(opts.now.getTime() + TOKEN_TTL_MS[opts.kind]),
      createdAt: opts.now,
    })
    .returning({ id: authTokens.id });
  return { token, id: row!.id };
}

export type TokenLookup =
  | { status: "valid"; row: AuthTokenRow }
  | { status: "expired" | "used"; row: AuthTokenRow }
  | { status: "unknown" };

/** Looks a link token up without using it: valid, expired, used or unknown. */
export async function findAuthToken(
  db: Db,
  token: string,
  kinds: TokenKind[],
  now: Date,
): Promise<TokenLookup> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "unknown" };
  const [row] = await db
    .select()
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, hashToken(token)), inArray(authTokens.kind, kinds)))
    .limit(1);
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used", row };
  // Valid strictly before expiresAt: a 1-hour link is dead at exactly 1 hour.
  if (row.expiresAt.getTime() <= now.getTime()) return { status: "expired", row };
  return { status: "valid", row };
}

/**
 * Uses a link token once: marks it used only if it is unused and unexpired (one atomic UPDATE,
 * so two clicks at the same instant cannot both succeed). Returns why it failed otherwise.
 */
export async function consumeAuthToken(
  db: Db,
  token: string,
  kinds: TokenKind[],
  now: Date,
): Promise<TokenLookup> {
  const found = await findAuthToken(db, token, kinds, now);
  if (found.status !== "valid") return found;
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.id, found.row.id),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    )
    .returning();
  return row ? { status: "valid", row } : { status: "used", row: found.row };
}

/** Uses up every open token of one kind of a user (older reset links die with a new one). */
export async function expireUserTokens(
  db: Db,
  userId: string,
  kind: TokenKind,
  now: Date,
): Promise<void> {
  await db
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(eq(authTokens.userId, userId), eq(authTokens.kind, kind), isNull(authTokens.usedAt)),
    );
}
