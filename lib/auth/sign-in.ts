import type { Db } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import { isAppError } from "@/lib/errors";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { refundRateLimits } from "@/lib/security/rate-limit-refund";
import type { SessionUser } from "./credentials";
import { dummyHash, verifyPassword } from "./password";
import { findUserByEmail } from "./users";

export type SignInOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" | "unverified" }
  | { ok: false; reason: "rate_limited"; message: string };

/** Sign-in limits, counting failed attempts: per client IP and per typed address. */
export const signInLimits = (ip: string, email: string) => [
  { key: `sign-in:ip:${ip}`, limit: 20, windowSeconds: 900 },
  { key: `sign-in:email:${email}`, limit: 5, windowSeconds: 900 },
];

/**
 * Checks a sign-in attempt (A1): rate limits per IP and per address, the password (an unknown
 * address is checked against a dummy hash, so it answers like a wrong password, in the same
 * time), then verification. Records `auth.sign_in` or `auth.sign_in_failed` (typed address,
 * never the password). Only failures use up attempts.
 */
export async function attemptSignIn(
  db: Db,
  creds: { email: string; password: string },
  ctx: { ip: string; now: Date },
): Promise<SignInOutcome> {
  const email = creds.email.trim().toLowerCase();
  const limits = signInLimits(ctx.ip, email);
  const failed = (reason: string, actorId?: string) =>
    recordAudit(db, {
      actorId,
      actorEmail: email,
      action: "auth.sign_in_failed",
      ip: ctx.ip,
      details: { reason },
    });
  try {
    await enforceRateLimits(db, limits, ctx.now);
  } catch (err) {
    if (!isAppError(err) || err.code !== "RATE_LIMITED") throw err;
    await failed("rate_limited");
    return { ok: false, reason: "rate_limited", message: err.userMessage };
  }
  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(
    creds.password,
    user?.passwordHash ?? (await dummyHash()),
  );
  if (!user || !passwordOk) {
    await failed("invalid");
    return { ok: false, reason: "invalid" };
  }
  // The right password proves who is asking, so it is safe to say the address needs verifying.
  await refundRateLimits(db, limits, ctx.now);
  if (!user.emailVerifiedAt) {
    await failed("unverified", user.id);
    return { ok: false, reason: "unverified" };
  }
  await recordAudit(db, {
    actorId: user.id,
    actorEmail: user.email,
    action: "auth.sign_in",
    targetType: "user",
    targetId: user.id,
    ip: ctx.ip,
  });
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: `${user.firstName} ${user.lastName}`.trim(),
      locale: user.locale,
      isOperator: user.isOperator,
    },
  };
}
