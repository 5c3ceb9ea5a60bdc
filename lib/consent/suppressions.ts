import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { suppressions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { authorizeActor, type Actor } from "@/lib/registers/registers";
import { addressHash, normalizeAddress } from "./address-hash";
import type { ConsentChannel } from "./rules";

export type SuppressionReason = "unsubscribe" | "bounce" | "complaint" | "manual" | "erasure";
export type Suppression = typeof suppressions.$inferSelect;
export const SUPPRESSION_PAGE = 50;

/** The hash an address is suppressed under, or null when it is not a valid address. */
export function suppressionHash(channel: ConsentChannel, address: string): string | null {
  const n = normalizeAddress(channel, address);
  return n ? addressHash(channel, n) : null;
}

/** Whether the organisation suppresses this address on the channel (any reason). */
export async function isSuppressed(
  db: Db,
  orgId: string,
  channel: ConsentChannel,
  address: string,
): Promise<boolean> {
  const hash = suppressionHash(channel, address);
  if (!hash) return false;
  const [hit] = await db
    .select({ id: suppressions.id })
    .from(suppressions)
    .where(
      and(
        eq(suppressions.orgId, orgId),
        eq(suppressions.channel, channel),
        eq(suppressions.hash, hash),
      ),
    );
  return Boolean(hit);
}

/**
 * Adds an address to the organisation's suppression list, or leaves the existing entry (whatever
 * its reason) as it is. Internal: no role check (the ledger and jobs call it). Returns whether a
 * new entry was made.
 */
export async function suppressAddress(
  db: Db,
  orgId: string,
  opts: {
    channel: ConsentChannel;
    address: string;
    reason: SuppressionReason;
    note?: string;
    createdBy?: string | null;
  },
): Promise<{ added: boolean; id: string | null }> {
  const normalized = normalizeAddress(opts.channel, opts.address);
  if (!normalized) return { added: false, id: null };
  const rows = await db
    .insert(suppressions)
    .values({
      orgId,
      channel: opts.channel,
      hash: addressHash(opts.channel, normalized),
      value: normalized,
      reason: opts.reason,
      note: (opts.note ?? "").slice(0, 500),
      createdBy: opts.createdBy ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: suppressions.id });
  return { added: rows.length > 0, id: rows[0]?.id ?? null };
}

/** Removes an "unsubscribe" entry for the address (the person opted in again); see rules.ts. */
export async function liftUnsubscribeSuppression(
  db: Db,
  orgId: string,
  channel: ConsentChannel,
  address: string,
): Promise<void> {
  const hash = suppressionHash(channel, address);
  if (!hash) return;
  await db
    .delete(suppressions)
    .where(
      and(
        eq(suppressions.orgId, orgId),
        eq(suppressions.channel, channel),
        eq(suppressions.hash, hash),
        eq(suppressions.reason, "unsubscribe"),
      ),
    );
}

/** A user adds an address by hand (editors); audited. An address already listed is a conflict. */
export async function addManualSuppression(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { channel: ConsentChannel; address: string; note?: string },
) {
  await authorizeActor(db, orgId, actor, "editor");
  if (!normalizeAddress(input.channel, input.address))
    throw new AppError("BAD_REQUEST", {
      userMessage:
        input.channel === "email" ? "consent.errors.invalidEmail" : "consent.errors.invalidPhone",
      fieldErrors: {
        address: [
          input.channel === "email" ? "consent.errors.invalidEmail" : "consent.errors.invalidPhone",
        ],
      },
    });
  return db.transaction(async (tx) => {
    const r = await suppressAddress(tx, orgId, {
      channel: input.channel,
      address: input.address,
      reason: "manual",
      note: input.note,
      createdBy: actor.userId,
    });
    if (!r.added)
      throw new AppError("CONFLICT", {
        userMessage: "consent.errors.alreadySuppressed",
        fieldErrors: { address: ["consent.errors.alreadySuppressed"] },
      });
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "suppression.added",
      targetType: "suppression",
      targetId: r.id ?? undefined,
      ip: actor.ip ?? null,
      details: { channel: input.channel, reason: "manual" },
    });
    return r.id!;
  });
}

/** Removes an entry (main users only); audited with its channel and reason, not the address. */
export async function removeSuppression(db: Db, orgId: string, actor: Actor, id: string) {
  await authorizeActor(db, orgId, actor, "main");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("NOT_FOUND");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(suppressions)
      .where(and(eq(suppressions.id, id), eq(suppressions.orgId, orgId)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "suppression.removed",
      targetType: "suppression",
      targetId: row.id,
      ip: actor.ip ?? null,
      details: { channel: row.channel, reason: row.reason },
    });
  });
}

/**
 * One page of the organisation's suppression list, newest first. A search that is a whole
 * e-mail address or phone number matches by hash (so erased entries, which keep only the hash,
 * are found too); other text matches part of the stored address.
 */
export async function listSuppressions(
  db: Db,
  orgId: string,
  opts: { q?: string; page?: number } = {},
) {
  const q = (opts.q ?? "").trim().slice(0, 200);
  const hashes = q
    ? (["email", "sms"] as const)
        .map((ch) => suppressionHash(ch, q))
        .filter((h): h is string => Boolean(h))
    : [];
  const where = and(
    eq(suppressions.orgId, orgId),
    !q
      ? undefined
      : hashes.length > 0
        ? inArray(suppressions.hash, hashes)
        : sql`${suppressions.value} ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
  );
  const page = Math.max(0, opts.page ?? 0);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(suppressions)
      .where(where)
      .orderBy(desc(suppressions.createdAt), desc(suppressions.id))
      .limit(SUPPRESSION_PAGE)
      .offset(page * SUPPRESSION_PAGE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(suppressions)
      .where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0), page };
}
