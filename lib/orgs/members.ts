import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { assertNotLastMainUser, authorizeMember, lockMainUsers, type Actor } from "./authorize";
import type { Role } from "./roles";

export type Member = {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  role: Role;
  joinedAt: Date;
};

/** The organisation's members by name (any member may read; caller has checked membership). */
export async function listMembers(db: Db, orgId: string): Promise<Member[]> {
  return db
    .select({
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.email));
}

/** A member of this organisation, or NOT_FOUND (a user of another organisation does not exist here). */
async function getMemberOrThrow(tx: Db, orgId: string, userId: string) {
  const [m] = await tx
    .select({ role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  if (!m) throw new AppError("NOT_FOUND");
  return m;
}

/**
 * Changes a member's role. The actor must be a main user of the organisation; the last main
 * user cannot be demoted (A2, enforced under a lock on the main memberships). Audited.
 */
export async function changeMemberRole(
  db: Db,
  opts: { orgId: string; actor: Actor; userId: string; role: Role },
): Promise<void> {
  await db.transaction(async (tx) => {
    const mains = await lockMainUsers(tx, opts.orgId);
    await authorizeMember(tx, { orgId: opts.orgId, userId: opts.actor.id, min: "main" });
    const target = await getMemberOrThrow(tx, opts.orgId, opts.userId);
    if (target.role === opts.role) return;
    if (opts.role !== "main") assertNotLastMainUser(mains, opts.userId);
    await tx
      .update(memberships)
      .set({ role: opts.role })
      .where(and(eq(memberships.orgId, opts.orgId), eq(memberships.userId, opts.userId)));
    await recordAudit(tx, {
      orgId: opts.orgId,
      actorId: opts.actor.id,
      actorEmail: opts.actor.email,
      action: "member.role_changed",
      targetType: "user",
      targetId: opts.userId,
      ip: opts.actor.ip,
      details: { email: target.email, from: target.role, to: opts.role },
    });
  });
}

/** Removes a member (main users only). The last main user cannot be removed (A2). Audited. */
export async function removeMember(
  db: Db,
  opts: { orgId: string; actor: Actor; userId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const mains = await lockMainUsers(tx, opts.orgId);
    await authorizeMember(tx, { orgId: opts.orgId, userId: opts.actor.id, min: "main" });
    const target = await getMemberOrThrow(tx, opts.orgId, opts.userId);
    assertNotLastMainUser(mains, opts.userId);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.orgId, opts.orgId), eq(memberships.userId, opts.userId)));
    await recordAudit(tx, {
      orgId: opts.orgId,
      actorId: opts.actor.id,
      actorEmail: opts.actor.email,
      action: "member.removed",
      targetType: "user",
      targetId: opts.userId,
      ip: opts.actor.ip,
      details: { email: target.email, role: target.role },
    });
  });
}

/** The actor leaves the organisation (any role). The last main user cannot leave (A2). Audited. */
export async function leaveOrganisation(
  db: Db,
  opts: { orgId: string; actor: Actor },
): Promise<void> {
  await db.transaction(async (tx) => {
    const mains = await lockMainUsers(tx, opts.orgId);
    const role = await authorizeMember(tx, {
      orgId: opts.orgId,
      userId: opts.actor.id,
      min: "viewer",
    });
    assertNotLastMainUser(mains, opts.actor.id);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.orgId, opts.orgId), eq(memberships.userId, opts.actor.id)));
    await recordAudit(tx, {
      orgId: opts.orgId,
      actorId: opts.actor.id,
      actorEmail: opts.actor.email,
      action: "member.left",
      targetType: "user",
      targetId: opts.actor.id,
      ip: opts.actor.ip,
      details: { role },
    });
  });
}
