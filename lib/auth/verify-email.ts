import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { authTokens, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { appUrl, queueAccountEmail } from "./account-emails";
import { consumeAuthToken, expireUserTokens, issueAuthToken } from "./auth-tokens";
import { findUserByEmail } from "./users";

export type EmailLinkResult =
  | { status: "verified" | "email_changed" }
  | { status: "used"; alreadyVerified: boolean }
  | { status: "expired" | "unknown" | "email_taken" };

/** At most one new verification mail per address in this time. */
export const RESEND_INTERVAL_MS = 15 * 60_000;

/**
 * Opens a link mailed to an address: a verification link marks the user's address verified; a
 * change-of-address link moves the account to the new address. Single use, in one transaction
 * with its audit entry. The token alone decides whose account changes.
 */
export async function openEmailLink(
  db: Db,
  token: string,
  ctx: { ip: string; now: Date },
): Promise<EmailLinkResult> {
  return db.transaction(async (tx): Promise<EmailLinkResult> => {
    const found = await consumeAuthToken(tx, token, ["verify_email", "change_email"], ctx.now);
    if (found.status === "unknown" || found.status === "expired") return { status: found.status };
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(users.id, found.row.userId))
      .for("update");
    if (!user) return { status: "unknown" };
    if (found.status === "used")
      return {
        status: "used",
        alreadyVerified: found.row.kind === "verify_email" && Boolean(user.emailVerifiedAt),
      };
    const row = found.row;
    if (row.kind === "verify_email") {
      // A link sent to an address the account no longer has proves nothing about the current one.
      if (user.email.toLowerCase() !== row.email.toLowerCase()) return { status: "expired" };
      if (!user.emailVerifiedAt)
        await tx.update(users).set({ emailVerifiedAt: ctx.now }).where(eq(users.id, user.id));
      await recordAudit(tx, {
        actorId: user.id,
        actorEmail: user.email,
        action: "auth.email_verified",
        targetType: "user",
        targetId: user.id,
        ip: ctx.ip,
      });
      return { status: "verified" };
    }
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${row.email.toLowerCase()}`, ne(users.id, user.id)))
      .limit(1);
    if (taken) return { status: "email_taken" };
    await tx
      .update(users)
      .set({ email: row.email, emailVerifiedAt: ctx.now })
      .where(eq(users.id, user.id));
    await expireUserTokens(tx, user.id, "change_email", ctx.now);
    // Reset links went to the old address: they must not outlive the move.
    await expireUserTokens(tx, user.id, "reset_password", ctx.now);
    await recordAudit(tx, {
      actorId: user.id,
      actorEmail: row.email,
      action: "auth.email_changed",
      targetType: "user",
      targetId: user.id,
      ip: ctx.ip,
      details: { from: user.email, to: row.email },
    });
    return { status: "email_changed" };
  });
}

/**
 * Mails a new verification link to an unverified address, at most once per 15 minutes per
 * address (the sign-up mail counts). Unknown or verified addresses get nothing; the caller
 * answers every case the same way. Rate-limited per IP.
 */
export async function resendVerification(
  db: Db,
  email: string,
  ctx: { ip: string; now: Date },
): Promise<{ sent: boolean }> {
  await enforceRateLimits(
    db,
    [{ key: `verify-resend:ip:${ctx.ip}`, limit: 10, windowSeconds: 900 }],
    ctx.now,
  );
  const candidate = await findUserByEmail(db, email);
  if (!candidate || candidate.emailVerifiedAt) return { sent: false };
  return db.transaction(async (tx) => {
    // Lock the user so two simultaneous requests cannot both decide to send.
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, candidate.id), isNull(users.emailVerifiedAt)))
      .for("update");
    if (!user) return { sent: false };
    const [recent] = await tx
      .select({ id: authTokens.id })
      .from(authTokens)
      .where(
        and(
          eq(authTokens.userId, user.id),
          eq(authTokens.kind, "verify_email"),
          gt(authTokens.createdAt, new Date(ctx.now.getTime() - RESEND_INTERVAL_MS)),
        ),
      )
      .orderBy(desc(authTokens.createdAt))
      .limit(1);
    if (recent) return { sent: false };
    const { token } = await issueAuthToken(tx, {
      userId: user.id,
      kind: "verify_email",
      email: user.email,
      now: ctx.now,
    });
    await queueAccountEmail(tx, {
      kind: "verify",
      to: user.email,
      locale: user.locale,
      firstName: user.firstName,
      url: appUrl(`/verify/${token}`),
    });
    await recordAudit(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: "auth.verification_resent",
      targetType: "user",
      targetId: user.id,
      ip: ctx.ip,
    });
    return { sent: true };
  });
}
