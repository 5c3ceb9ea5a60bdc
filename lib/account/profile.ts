import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { appUrl, queueAccountEmail } from "@/lib/auth/account-emails";
import { expireUserTokens, issueAuthToken } from "@/lib/auth/auth-tokens";
import { enforcePasswordPolicy } from "@/lib/auth/enforce-password-policy";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { ChangeEmailInput, ChangePasswordInput, ProfileNameInput } from "@/lib/auth/schemas";
import { findUserByEmail, findUserById, type UserRow } from "@/lib/auth/users";
import { AppError } from "@/lib/errors";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { refundRateLimits } from "@/lib/security/rate-limit-refund";

type Ctx = { ip: string; now: Date };

async function requireUser(db: Db, userId: string): Promise<UserRow> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError("UNAUTHORIZED");
  return user;
}

/** Checks the signed-in user's current password; wrong guesses are limited to 5 per 15 min. */
async function checkCurrentPassword(
  db: Db,
  user: UserRow,
  password: string,
  ctx: Ctx,
): Promise<void> {
  const limits = [{ key: `current-password:user:${user.id}`, limit: 5, windowSeconds: 900 }];
  await enforceRateLimits(db, limits, ctx.now);
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new AppError("BAD_REQUEST", {
      userMessage: "errors.CURRENT_PASSWORD_WRONG",
      fieldErrors: { currentPassword: ["errors.CURRENT_PASSWORD_WRONG"] },
    });
  }
  await refundRateLimits(db, limits, ctx.now);
}

/** Changes the user's own first and last name (A6). */
export async function updateProfileName(
  db: Db,
  userId: string,
  input: ProfileNameInput,
): Promise<void> {
  await db
    .update(users)
    .set({ firstName: input.firstName, lastName: input.lastName })
    .where(eq(users.id, userId));
}

/** Saves the user's language (A6); the caller also sets the locale cookie. */
export async function setUserLocale(db: Db, userId: string, locale: "fi" | "en"): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/**
 * Changes the user's password after checking the current one and the policy (A4, A6); open
 * reset links stop working. Records `auth.password_changed`.
 */
export async function changePassword(
  db: Db,
  userId: string,
  input: ChangePasswordInput,
  ctx: Ctx,
): Promise<void> {
  const user = await requireUser(db, userId);
  await checkCurrentPassword(db, user, input.currentPassword, ctx);
  enforcePasswordPolicy(input.password, user);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await expireUserTokens(tx, user.id, "reset_password", ctx.now);
    await recordAudit(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: "auth.password_changed",
      targetType: "user",
      targetId: user.id,
      ip: ctx.ip,
    });
  });
}

/**
 * Starts a change of the user's e-mail address (A6): after the current password, a 24-hour
 * link goes to the NEW address and a notice to the old one; nothing changes until the link is
 * opened (`openEmailLink`). An address that already has an account gets a notice instead, and
 * the caller answers the same way (no account enumeration).
 */
export async function requestEmailChange(
  db: Db,
  userId: string,
  input: ChangeEmailInput,
  ctx: Ctx,
): Promise<void> {
  const user = await requireUser(db, userId);
  await checkCurrentPassword(db, user, input.currentPassword, ctx);
  if (input.email === user.email.toLowerCase()) {
    throw new AppError("BAD_REQUEST", {
      userMessage: "errors.EMAIL_UNCHANGED",
      fieldErrors: { email: ["errors.EMAIL_UNCHANGED"] },
    });
  }
  const other = await findUserByEmail(db, input.email);
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: user.id,
      actorEmail: user.email,
      action: "auth.email_change_requested",
      targetType: "user",
      targetId: user.id,
      ip: ctx.ip,
      details: { to: input.email, ...(other ? { refused: "address_in_use" } : {}) },
    });
    if (other) {
      await queueAccountEmail(tx, {
        kind: "emailInUse",
        to: other.email,
        locale: other.locale,
        firstName: other.firstName,
      });
      return;
    }
    await expireUserTokens(tx, user.id, "change_email", ctx.now);
    const { token } = await issueAuthToken(tx, {
      userId: user.id,
      kind: "change_email",
      email: input.email,
      now: ctx.now,
    });
    await queueAccountEmail(tx, {
      kind: "changeEmail",
      to: input.email,
      locale: user.locale,
      firstName: user.firstName,
      url: appUrl(`/verify/${token}`),
    });
    await queueAccountEmail(tx, {
      kind: "emailChangeNotice",
      to: user.email,
      locale: user.locale,
      firstName: user.firstName,
    });
  });
}
