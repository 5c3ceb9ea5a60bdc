import type { Db } from "@/db";
import { memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { createOrganization } from "@/lib/orgs/create-org";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { appUrl, queueAccountEmail } from "./account-emails";
import { issueAuthToken } from "./auth-tokens";
import { enforcePasswordPolicy } from "./enforce-password-policy";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";
import { findUserByEmail } from "./users";

export type SignUpResult =
  { status: "created"; userId: string; orgId: string; slug: string } | { status: "exists" };

/** Sign-up limits: per client IP and per typed address. */
export const signUpLimits = (ip: string, email: string) => [
  { key: `sign-up:ip:${ip}`, limit: 10, windowSeconds: 3600 },
  { key: `sign-up:email:${email.toLowerCase()}`, limit: 3, windowSeconds: 3600 },
];

/**
 * Registers a person and their organisation (A1, A2): in ONE transaction the unverified user,
 * the organisation (unique slug), the main-user membership, a 24-hour verification link mailed
 * as a job, and the audit entry. An address that already has an account gets a notice instead
 * and nothing is created; the caller answers both cases the same way (no account enumeration).
 */
export async function signUp(
  db: Db,
  input: SignUpInput,
  ctx: { ip: string; locale: "fi" | "en"; now: Date },
): Promise<SignUpResult> {
  await enforceRateLimits(db, signUpLimits(ctx.ip, input.email), ctx.now);
  enforcePasswordPolicy(input.password, input);
  // Hash before looking the address up, so both answers take the same time.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, input.email);
    if (existing) {
      await queueAccountEmail(tx, {
        kind: "alreadyRegistered",
        to: existing.email,
        locale: existing.locale,
        firstName: existing.firstName,
      });
      await recordAudit(tx, {
        actorEmail: input.email,
        action: "auth.sign_up_existing_address",
        targetType: "user",
        targetId: existing.id,
        ip: ctx.ip,
      });
      return { status: "exists" as const };
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        passwordHash,
        locale: ctx.locale,
        createdAt: ctx.now,
      })
      .returning();
    const org = await createOrganization(tx, {
      name: input.orgName,
      businessId: input.businessId,
      now: ctx.now,
    });
    await tx
      .insert(memberships)
      .values({ orgId: org.id, userId: user!.id, role: "main", createdAt: ctx.now });
    const { token } = await issueAuthToken(tx, {
      userId: user!.id,
      kind: "verify_email",
      email: user!.email,
      now: ctx.now,
    });
    await queueAccountEmail(tx, {
      kind: "verify",
      to: user!.email,
      locale: ctx.locale,
      firstName: user!.firstName,
      url: appUrl(`/verify/${token}`),
    });
    await recordAudit(tx, {
      orgId: org.id,
      actorId: user!.id,
      actorEmail: user!.email,
      action: "auth.sign_up",
      targetType: "organization",
      targetId: org.id,
      ip: ctx.ip,
      details: { slug: org.slug },
    });
    return { status: "created" as const, userId: user!.id, orgId: org.id, slug: org.slug };
  });
}
