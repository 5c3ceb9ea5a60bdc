import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { appUrl, queueAccountEmail } from "./account-emails";
import { consumeAuthToken, expireUserTokens, findAuthToken, issueAuthToken } from "./auth-tokens";
import { enforcePasswordPolicy } from "./enforce-password-policy";
import { hashPassword } from "./password";
import { findUserByEmail, findUserById } from "./users";

export type ResetLinkStatus = "valid" | "expired" | "used" | "unknown";

/** Reset-request limits: per client IP and per typed address. */
export const resetLimits = (ip: string, email: string) => [
  { key: `reset:ip:${ip}`, limit: 10, windowSeconds: 3600 },
  { key: `reset:email:${email.toLowerCase()}`, limit: 3, windowSeconds: 3600 },
];

/**
 * Mails a password-reset link (valid exactly 1 hour, single use) to an address that has an
 * account; older reset links of that user stop working. Unknown addresses get nothing and the
 * caller answers the same way. Rate-limited per IP and per address.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  ctx: { ip: string; now: Date },
): Promise<{ sent: boolean }> {
  await enforceRateLimits(db, resetLimits(ctx.ip, email), ctx.now);
  const user = await findUserByEmail(db, email);
  if (!user) return { sent: false };
  return db.transaction(async (tx) => {
    await expireUserTokens(tx, user.id, "reset_password", ctx.now);
    const { token } = await issueAuthToken(tx, {
      userId: user.id,
      kind: "reset_password",
      email: user.email,
      now: ctx.now,
    });
    await queueAccountEmail(tx, {
      kind: "reset",
      to: user.email,
      locale: user.locale,
      firstName: user.firstName,
      url: appUrl(`/reset/${token}`),
    });
    await recordAudit(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: "auth.password_reset_requested",
      targetType: "user",
      targetId: user.id,
      ip: ctx.ip,
    });
    return { sent: true };
  });
}

/**
 * Whether a reset link can still be used (the page shows the form or explains why not), with
 * the account's names for the form's live password checklist (the link proves the mailbox).
 */
export async function checkResetLink(
  db: Db,
  token: string,
  now: Date,
): Promise<{ status: ResetLinkStatus; names?: { firstName: string; lastName: string } }> {
  const found = await findAuthToken(db, token, ["reset_password"], now);
  if (found.status !== "valid") return { status: found.status };
  const user = await findUserById(db, found.row.userId);
  return user
    ? { status: "valid", names: { firstName: user.firstName, lastName: user.lastName } }
    : { status: "unknown" };
}

/**
 * Sets a new password through a reset link: checks the policy against the account's names,
 * uses the link up with every other reset link of the user, and records `auth.password_reset`.
 * Opening a link mailed to the account's address also proves the address, so it is verified.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  ctx: { ip: string; now: Date },
): Promise<{ status: ResetLinkStatus }> {
  const peek = await findAuthToken(db, input.token, ["reset_password"], ctx.now);
  if (peek.status !== "valid") return { status: peek.status };
  const owner = await findUserById(db, peek.row.userId);
  if (!owner) return { status: "unknown" };
  enforcePasswordPolicy(input.password, owner);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const used = await consumeAuthToken(tx, input.token, ["reset_password"], ctx.now);
    if (used.status !== "valid") return { status: used.status };
    const [user] = await tx.select().from(users).where(eq(users.id, used.row.userId)).for("update");
    if (!user) return { status: "unknown" as const };
    // A link mailed to an address the account has since left must not reset its password.
    if (user.email.toLowerCase() !== used.row.email.toLowerCase())
      return { status: "expired" as const };
    await tx
      .update(users)
      .set({ passwordHash, ...(user.emailVerifiedAt ? {} : { emailVerifiedAt: ctx.now }) })
      .where(eq(users.id, user.id));
    await expireUserTokens(tx, user.id, "reset_password", ctx.now);
    await recordAudit(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: "auth.password_reset",
      targetType: "user",
      targetId: user.id,
      ip: ctx.ip,
    });
    return { status: "valid" as const };
  });
}
