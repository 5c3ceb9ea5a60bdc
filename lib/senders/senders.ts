import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, emailSenders, organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { queueSenderVerificationMail } from "./mail";
import type { AddSenderInput } from "./schemas";

/** Verification links live 7 days and work once. */
export const SENDER_TOKEN_TTL_MS = 7 * 86_400_000;
/** A new verification mail at most once per 15 minutes per sender. */
export const SENDER_RESEND_MS = 15 * 60_000;

export type Actor = { userId: string; userEmail: string; ip: string | null };
export type SenderRow = typeof emailSenders.$inferSelect;

/** The organisation's senders, verified first then by address, with their state (no token hashes). */
export async function listSenders(db: Db, orgId: string, now = new Date()) {
  const rows = await db
    .select({
      id: emailSenders.id,
      address: emailSenders.address,
      name: emailSenders.name,
      verifiedAt: emailSenders.verifiedAt,
      tokenExpiresAt: emailSenders.tokenExpiresAt,
      lastSentAt: emailSenders.lastSentAt,
      createdAt: emailSenders.createdAt,
    })
    .from(emailSenders)
    .where(eq(emailSenders.orgId, orgId))
    .orderBy(sql`${emailSenders.verifiedAt} is null`, asc(emailSenders.address));
  return rows.map((r) => ({
    ...r,
    state: r.verifiedAt
      ? ("verified" as const)
      : r.tokenExpiresAt && r.tokenExpiresAt > now
        ? ("pending" as const)
        : ("expired" as const),
  }));
}

/** One sender of the organisation, or NOT_FOUND (another organisation's sender does not exist). */
export async function getSenderOrThrow(db: Db, orgId: string, senderId: string) {
  const [row] = await db
    .select()
    .from(emailSenders)
    .where(and(eq(emailSenders.id, senderId), eq(emailSenders.orgId, orgId)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

async function orgName(db: Db, orgId: string) {
  const [o] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return o?.name ?? "";
}

/** A new token on the sender and the verification mail, in the caller's transaction. */
async function issueAndMail(db: Db, sender: SenderRow, locale: Locale, now: Date) {
  const { token, hash } = newToken();
  await db
    .update(emailSenders)
    .set({
      tokenHash: hash,
      tokenExpiresAt: new Date(now.getTime() + SENDER_TOKEN_TTL_MS),
      lastSentAt: now,
    })
    .where(and(eq(emailSenders.id, sender.id), eq(emailSenders.orgId, sender.orgId)));
  await queueSenderVerificationMail(db, {
    orgId: sender.orgId,
    orgName: await orgName(db, sender.orgId),
    address: sender.address,
    token,
    locale,
  });
  return token;
}

/**
 * Adds a from-address (editors and main users) and mails it a verification link. An address the
 * organisation already has is refused with a field error. Audited as `sender.added`.
 */
export async function addSender(
  db: Db,
  orgId: string,
  actor: Actor,
  input: AddSenderInput,
  locale: Locale,
  now = new Date(),
): Promise<{ id: string }> {
  // Each add mails a stranger's address: cap it so the form cannot be used to spam.
  await enforceRateLimits(
    db,
    [{ key: `senders:add:${orgId}`, limit: 20, windowSeconds: 3600 }],
    now,
  );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailSenders)
      .values({ orgId, address: input.address, name: input.name, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError("CONFLICT", {
        userMessage: "senders.errors.duplicate",
        fieldErrors: { address: ["senders.errors.duplicate"] },
      });
    await issueAndMail(tx, row, locale, now);
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "sender.added",
      targetType: "email_sender",
      targetId: row.id,
      ip: actor.ip,
      details: { email: row.address },
    });
    return { id: row.id };
  });
}

/**
 * Mails a fresh verification link (the old link stops working). Refused for a verified sender
 * and within 15 minutes of the previous mail (RATE_LIMITED with the minutes to wait).
 */
export async function resendSenderVerification(
  db: Db,
  orgId: string,
  actor: Actor,
  senderId: string,
  locale: Locale,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const sender = await getSenderOrThrow(tx, orgId, senderId);
    if (sender.verifiedAt)
      throw new AppError("CONFLICT", { userMessage: "senders.errors.alreadyVerified" });
    const wait = (sender.lastSentAt?.getTime() ?? 0) + SENDER_RESEND_MS - now.getTime();
    if (wait > 0)
      throw new AppError("RATE_LIMITED", {
        userMessage: `errors.RATE_LIMITED_MINUTES|minutes=${Math.ceil(wait / 60_000)}`,
      });
    await issueAndMail(tx, sender, locale, now);
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "sender.verification_sent",
      targetType: "email_sender",
      targetId: sender.id,
      ip: actor.ip,
      details: { email: sender.address },
    });
  });
}

/** Campaign states in which the sender is about to be, or being, used. */
const BUSY = ["scheduled", "sending", "paused"] as const;

/**
 * Deletes a sender (editors and main users). Refused while a scheduled, sending or paused
 * campaign uses it (deleting would null the campaign's sender mid-flight). Audited.
 */
export async function deleteSender(db: Db, orgId: string, actor: Actor, senderId: string) {
  await db.transaction(async (tx) => {
    const sender = await getSenderOrThrow(tx, orgId, senderId);
    const [busy] = await tx
      .select({ name: campaigns.name })
      .from(campaigns)
      .where(
        and(
          eq(campaigns.orgId, orgId),
          eq(campaigns.senderId, sender.id),
          inArray(campaigns.status, [...BUSY]),
        ),
      )
      .limit(1);
    if (busy)
      throw new AppError("CONFLICT", { userMessage: `senders.errors.inUse|campaign=${busy.name}` });
    await tx
      .delete(emailSenders)
      .where(and(eq(emailSenders.id, sender.id), eq(emailSenders.orgId, orgId)));
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "sender.deleted",
      targetType: "email_sender",
      targetId: sender.id,
      ip: actor.ip,
      details: { email: sender.address },
    });
  });
}

export type SenderTokenLookup =
  { status: "valid"; address: string; orgName: string } | { status: "invalid" };

/** What a verification link is for, without using it (the landing page before the button). */
export async function peekSenderToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<SenderTokenLookup> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "invalid" };
  const [row] = await db
    .select({ address: emailSenders.address, orgName: organizations.name })
    .from(emailSenders)
    .innerJoin(organizations, eq(organizations.id, emailSenders.orgId))
    .where(and(eq(emailSenders.tokenHash, hashToken(token)), gt(emailSenders.tokenExpiresAt, now)));
  return row ? { status: "valid", ...row } : { status: "invalid" };
}

/**
 * Verifies a sender by its mailed token: one atomic UPDATE that also clears the token, so a link
 * works once and two clicks cannot both succeed; expired or unknown tokens verify nothing.
 * Rate-limited per IP. Audited as `sender.verified` (no actor: the mailbox owner clicked).
 */
export async function verifySender(db: Db, token: string, ip: string, now = new Date()) {
  await enforceRateLimits(
    db,
    [{ key: `senders:verify:ip:${ip}`, limit: 60, windowSeconds: 3600 }],
    now,
  );
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(emailSenders)
      .set({ verifiedAt: now, tokenHash: null, tokenExpiresAt: null })
      .where(
        and(eq(emailSenders.tokenHash, hashToken(token)), gt(emailSenders.tokenExpiresAt, now)),
      )
      .returning();
    if (!row) return null;
    await recordAudit(tx, {
      orgId: row.orgId,
      action: "sender.verified",
      targetType: "email_sender",
      targetId: row.id,
      ip,
      details: { email: row.address },
    });
    return { address: row.address, orgName: await orgName(tx, row.orgId) };
  });
}
