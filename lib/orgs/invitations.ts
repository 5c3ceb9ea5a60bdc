import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { invitations, memberships, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { newToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { authorizeMember, type Actor } from "./authorize";
import { invitationEmail } from "./invitation-email";
import type { Role } from "./roles";

/** An invitation link is valid exactly this long from the moment it is (re-)sent (A3). */
export const INVITATION_VALID_MS = 7 * 24 * 60 * 60 * 1000;
/** At most this many invitation e-mails per organisation per hour (spam brake). */
const INVITES_PER_HOUR = 60;

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  sentAt: Date;
  expiresAt: Date;
  invitedBy: string | null;
};

/** The organisation's open invitations (not accepted, not revoked), expired ones included. */
export async function listPendingInvitations(db: Db, orgId: string): Promise<PendingInvitation[]> {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      sentAt: invitations.sentAt,
      expiresAt: invitations.expiresAt,
      invitedBy: sql<
        string | null
      >`nullif(trim(${users.firstName} || ' ' || ${users.lastName}), '')`,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.orgId, orgId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(asc(invitations.expiresAt));
}

/** Builds the link and queues the e-mail in the caller's transaction (org's outbox, orgId set). */
async function sendInvitationEmail(
  tx: Db,
  opts: {
    orgId: string;
    invitationId: string;
    actorId: string;
    to: string;
    role: Role;
    token: string;
    expiresAt: Date;
    now: Date;
  },
) {
  const [org] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, opts.orgId));
  const [inviter] = await tx
    .select({ firstName: users.firstName, lastName: users.lastName, email: users.email })
    .from(users)
    .where(eq(users.id, opts.actorId));
  const inviterName =
    `${inviter?.firstName ?? ""} ${inviter?.lastName ?? ""}`.trim() ||
    inviter?.email ||
    "Viestikone";
  const mail = invitationEmail({
    inviterName,
    orgName: org!.name,
    role: opts.role,
    url: `${env().APP_URL}/invite/${opts.token}`,
    expiresAt: opts.expiresAt,
  });
  await enqueue(tx, "email/message.requested", {
    orgId: opts.orgId,
    messageKey: `invite-${opts.invitationId}-${opts.now.getTime()}`,
    to: opts.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: { "X-Viestikone-Kind": "invitation" },
  });
}

const isUniqueViolation = (err: unknown): boolean => {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
};

/**
 * Invites an address to the organisation with a role (main users only) and e-mails the link.
 * An address that is already a member is refused; an address with an open invitation gets that
 * invitation renewed (new link, new role, 7 days from now), so there is one per address. Audited.
 */
export async function inviteMember(
  db: Db,
  opts: { orgId: string; actor: Actor; email: string; role: Role; now?: Date },
): Promise<{ invitationId: string; renewed: boolean }> {
  const now = opts.now ?? new Date();
  const email = opts.email.trim();
  await enforceRateLimits(
    db,
    [{ key: `invite:org:${opts.orgId}`, limit: INVITES_PER_HOUR, windowSeconds: 3600 }],
    now,
  );
  try {
    return await db.transaction(async (tx) => {
      await authorizeMember(tx, { orgId: opts.orgId, userId: opts.actor.id, min: "main" });
      const [member] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.orgId, opts.orgId),
            sql`lower(${users.email}) = ${email.toLowerCase()}`,
          ),
        )
        .limit(1);
      if (member)
        throw new AppError("CONFLICT", {
          userMessage: "errors.ALREADY_MEMBER",
          fieldErrors: { email: ["errors.ALREADY_MEMBER"] },
        });
      const [open] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(
          and(
            eq(invitations.orgId, opts.orgId),
            sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .for("update");
      const { token, hash } = newToken();
      const expiresAt = new Date(now.getTime() + INVITATION_VALID_MS);
      const values = {
        email,
        role: opts.role,
        tokenHash: hash,
        invitedBy: opts.actor.id,
        expiresAt,
        sentAt: now,
      };
      const [row] = open
        ? await tx
            .update(invitations)
            .set(values)
            .where(eq(invitations.id, open.id))
            .returning({ id: invitations.id })
        : await tx
            .insert(invitations)
            .values({ ...values, orgId: opts.orgId, createdAt: now })
            .returning({ id: invitations.id });
      await sendInvitationEmail(tx, {
        orgId: opts.orgId,
        invitationId: row!.id,
        actorId: opts.actor.id,
        to: email,
        role: opts.role,
        token,
        expiresAt,
        now,
      });
      await recordAudit(tx, {
        orgId: opts.orgId,
        actorId: opts.actor.id,
        actorEmail: opts.actor.email,
        action: "member.invited",
        targetType: "invitation",
        targetId: row!.id,
        ip: opts.actor.ip,
        details: {
          email,
          role: opts.role,
          renewed: Boolean(open),
          expiresAt: expiresAt.toISOString(),
        },
      });
      return { invitationId: row!.id, renewed: Boolean(open) };
    });
  } catch (err) {
    // Two main users inviting the same address at the same instant: the unique open-invitation
    // index lets one through; the other is told to reload.
    if (isUniqueViolation(err)) throw new AppError("CONFLICT");
    throw err;
  }
}

/** An open invitation of this organisation, locked; another organisation's id is NOT_FOUND. */
async function getOpenInvitationOrThrow(tx: Db, orgId: string, invitationId: string) {
  const [inv] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.orgId, orgId)))
    .for("update");
  if (!inv) throw new AppError("NOT_FOUND");
  if (inv.acceptedAt || inv.revokedAt)
    throw new AppError("CONFLICT", { userMessage: "errors.INVITATION_CLOSED" });
  return inv;
}

/** Sends an open invitation again with a new link valid 7 days from now (main users). Audited. */
export async function resendInvitation(
  db: Db,
  opts: { orgId: string; actor: Actor; invitationId: string; now?: Date },
): Promise<{ expiresAt: Date }> {
  const now = opts.now ?? new Date();
  await enforceRateLimits(
    db,
    [{ key: `invite:org:${opts.orgId}`, limit: INVITES_PER_HOUR, windowSeconds: 3600 }],
    now,
  );
  return db.transaction(async (tx) => {
    await authorizeMember(tx, { orgId: opts.orgId, userId: opts.actor.id, min: "main" });
    const inv = await getOpenInvitationOrThrow(tx, opts.orgId, opts.invitationId);
    const { token, hash } = newToken();
    const expiresAt = new Date(now.getTime() + INVITATION_VALID_MS);
    await tx
      .update(invitations)
      .set({ tokenHash: hash, expiresAt, sentAt: now, invitedBy: opts.actor.id })
      .where(eq(invitations.id, inv.id));
    await sendInvitationEmail(tx, {
      orgId: opts.orgId,
      invitationId: inv.id,
      actorId: opts.actor.id,
      to: inv.email,
      role: inv.role,
      token,
      expiresAt,
      now,
    });
    await recordAudit(tx, {
      orgId: opts.orgId,
      actorId: opts.actor.id,
      actorEmail: opts.actor.email,
      action: "member.invitation_resent",
      targetType: "invitation",
      targetId: inv.id,
      ip: opts.actor.ip,
      details: { email: inv.email, role: inv.role, expiresAt: expiresAt.toISOString() },
    });
    return { expiresAt };
  });
}

/** Revokes an open invitation so its link stops working (main users). Audited. */
export async function revokeInvitation(
  db: Db,
  opts: { orgId: string; actor: Actor; invitationId: string; now?: Date },
): Promise<void> {
  const now = opts.now ?? new Date();
  await db.transaction(async (tx) => {
    await authorizeMember(tx, { orgId: opts.orgId, userId: opts.actor.id, min: "main" });
    const inv = await getOpenInvitationOrThrow(tx, opts.orgId, opts.invitationId);
    await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, inv.id));
    await recordAudit(tx, {
      orgId: opts.orgId,
      actorId: opts.actor.id,
      actorEmail: opts.actor.email,
      action: "member.invitation_revoked",
      targetType: "invitation",
      targetId: inv.id,
      ip: opts.actor.ip,
      details: { email: inv.email, role: inv.role },
    });
  });
}
