import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { invitations, memberships, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import type { Role } from "./roles";

export type InvitationStatus = "valid" | "expired" | "revoked" | "used";

/** Why an invitation link no longer works; `reason` drives the explaining page. */
export class InvitationClosedError extends AppError {
  readonly reason: Exclude<InvitationStatus, "valid">;
  constructor(reason: Exclude<InvitationStatus, "valid">) {
    super("CONFLICT", { userMessage: `errors.INVITATION_${reason.toUpperCase()}` });
    this.reason = reason;
  }
}

/** Status at `now`: used and revoked win over expiry; valid until just before `expiresAt`. */
export function invitationStatus(
  inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (inv.acceptedAt) return "used";
  if (inv.revokedAt) return "revoked";
  return now.getTime() < inv.expiresAt.getTime() ? "valid" : "expired";
}

export type InvitationView = {
  id: string;
  status: InvitationStatus;
  email: string;
  role: Role;
  expiresAt: Date;
  org: { id: string; slug: string; name: string };
  inviterName: string | null;
};

/** What the invitation page shows for a link (public: the token is the credential), or null. */
export async function getInvitationByToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<InvitationView | null> {
  const [row] = await db
    .select({
      inv: invitations,
      org: { id: organizations.id, slug: organizations.slug, name: organizations.name },
      inviter: { firstName: users.firstName, lastName: users.lastName },
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  const name = row.inviter ? `${row.inviter.firstName} ${row.inviter.lastName}`.trim() : "";
  return {
    id: row.inv.id,
    status: invitationStatus(row.inv, now),
    email: row.inv.email,
    role: row.inv.role,
    expiresAt: row.inv.expiresAt,
    org: row.org,
    inviterName: name || null,
  };
}

/**
 * Locks the invitation of a token and checks it can be used at `now`. The row lock makes
 * acceptance single-use even when two requests arrive together: the second waits, then sees
 * `acceptedAt` and is refused with "used".
 */
export async function lockUsableInvitation(tx: Db, token: string, now: Date) {
  const [inv] = await tx
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)))
    .for("update");
  if (!inv) throw new AppError("NOT_FOUND", { userMessage: "errors.INVITATION_INVALID" });
  const status = invitationStatus(inv, now);
  if (status !== "valid") throw new InvitationClosedError(status);
  const [org] = await tx
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, inv.orgId));
  return { ...inv, slug: org!.slug };
}

/** Marks the invitation used by `userId` and adds the membership with the invited role. */
export async function consumeInvitation(
  tx: Db,
  inv: { id: string; orgId: string; role: Role },
  userId: string,
  now: Date,
) {
  await tx.insert(memberships).values({ orgId: inv.orgId, userId, role: inv.role, createdAt: now });
  await tx
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: userId })
    .where(eq(invitations.id, inv.id));
}

/**
 * A signed-in user accepts an invitation with one click. Invitations are links: the account's
 * address may differ from the invited one (both are recorded in the audit entry). Someone who is
 * already a member is told so and the invitation stays open. Returns the organisation's slug.
 */
export async function acceptInvitation(
  db: Db,
  opts: { token: string; userId: string; ip?: string | null; now?: Date },
): Promise<{ slug: string }> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const inv = await lockUsableInvitation(tx, opts.token, now);
    const [user] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, opts.userId));
    if (!user) throw new AppError("UNAUTHORIZED");
    const [existing] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, inv.orgId), eq(memberships.userId, opts.userId)));
    if (existing) throw new AppError("CONFLICT", { userMessage: "errors.ALREADY_MEMBER_SELF" });
    await consumeInvitation(tx, inv, opts.userId, now);
    await recordAudit(tx, {
      orgId: inv.orgId,
      actorId: opts.userId,
      actorEmail: user.email,
      action: "member.joined",
      targetType: "invitation",
      targetId: inv.id,
      ip: opts.ip,
      details: { email: user.email, invitedEmail: inv.email, role: inv.role, newAccount: false },
    });
    return { slug: inv.slug };
  });
}
