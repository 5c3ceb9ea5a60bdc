import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { authTokens, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { checkPassword, passwordErrors } from "@/lib/auth/password-policy";
import { newToken } from "@/lib/auth/tokens";
import { systemEmail } from "@/lib/email/system-layout";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { consumeInvitation, lockUsableInvitation } from "./invitation-accept";

/** A verification link for an address typed on the invitation form lives as long as sign-up's. */
const VERIFY_VALID_MS = 24 * 60 * 60 * 1000;

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
};

const verifyCopy = {
  fi: {
    subject: "Vahvista sähköpostiosoitteesi",
    body: "Loit Viestikone-tunnuksen tällä osoitteella. Vahvista osoite alla olevasta linkistä, niin voit kirjautua sisään. Linkki on voimassa 24 tuntia.",
    button: "Vahvista osoite",
  },
  en: {
    subject: "Verify your e-mail address",
    body: "You created a Viestikone account with this address. Verify it through the link below and you can sign in. The link is valid for 24 hours.",
    button: "Verify address",
  },
};

/** Queues the verification e-mail for a registrant who changed the invited address (account mail, orgId null). */
async function sendVerification(
  tx: Db,
  opts: { userId: string; email: string; locale: "fi" | "en"; now: Date },
) {
  const { token, hash } = newToken();
  await tx.insert(authTokens).values({
    userId: opts.userId,
    kind: "verify_email",
    tokenHash: hash,
    email: opts.email,
    expiresAt: new Date(opts.now.getTime() + VERIFY_VALID_MS),
    createdAt: opts.now,
  });
  const c = verifyCopy[opts.locale];
  const mail = systemEmail({
    lang: opts.locale,
    subject: c.subject,
    heading: c.subject,
    paragraphs: [c.body],
    button: { label: c.button, url: `${env().APP_URL}/verify/${token}` },
    footer: "Viestikone",
  });
  await enqueue(tx, "email/message.requested", {
    orgId: null,
    messageKey: `verify-${hash.slice(0, 32)}`,
    to: opts.email,
    ...mail,
  });
}

export type RegisterFromInvitationResult = { slug: string; email: string; verified: boolean };

/**
 * Creates an account from an invitation link and joins the organisation with the invited role,
 * in one transaction that uses the invitation up (single use under a row lock). The link proves
 * the invited address, so an account for that address is created verified; an address edited on
 * the form is created unverified and gets a verification e-mail (it cannot sign in before).
 * An address that already has an account is refused with a pointer to sign in instead.
 */
export async function registerFromInvitation(
  db: Db,
  opts: {
    token: string;
    firstName: string;
    lastName: string;
    email: string;
    password: string;
    locale?: "fi" | "en";
    ip?: string | null;
    now?: Date;
  },
): Promise<RegisterFromInvitationResult> {
  const now = opts.now ?? new Date();
  const email = opts.email.trim();
  const names = { firstName: opts.firstName, lastName: opts.lastName };
  if (!checkPassword(opts.password, names).ok) {
    throw new AppError("BAD_REQUEST", {
      userMessage: "errors.INVALID_INPUT",
      fieldErrors: { password: passwordErrors(opts.password, names) },
    });
  }
  const passwordHash = await hashPassword(opts.password);
  try {
    return await db.transaction(async (tx) => {
      const inv = await lockUsableInvitation(tx, opts.token, now);
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
        .limit(1);
      if (taken) throw accountExists();
      const verified = email.toLowerCase() === inv.email.toLowerCase();
      const [user] = await tx
        .insert(users)
        .values({
          email,
          ...names,
          passwordHash,
          emailVerifiedAt: verified ? now : null,
          locale: opts.locale ?? "fi",
          createdAt: now,
        })
        .returning({ id: users.id });
      await consumeInvitation(tx, inv, user!.id, now);
      if (!verified)
        await sendVerification(tx, { userId: user!.id, email, locale: opts.locale ?? "fi", now });
      await recordAudit(tx, {
        orgId: inv.orgId,
        actorId: user!.id,
        actorEmail: email,
        action: "member.joined",
        targetType: "invitation",
        targetId: inv.id,
        ip: opts.ip,
        details: { email, invitedEmail: inv.email, role: inv.role, newAccount: true, verified },
      });
      return { slug: inv.slug, email, verified };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw accountExists();
    throw err;
  }
}

const accountExists = () =>
  new AppError("CONFLICT", {
    userMessage: "errors.ACCOUNT_EXISTS",
    fieldErrors: { email: ["errors.ACCOUNT_EXISTS"] },
  });
