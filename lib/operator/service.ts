import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { organizations } from "@/db/schema";
import { recordAudit, type AuditAction } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { assertOperator } from "./guard";

export type OperatorActor = { operatorId: string; operatorEmail: string; ip: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function audited(
  db: Db,
  actor: OperatorActor,
  orgId: string,
  action: AuditAction,
  details: Record<string, unknown> = {},
) {
  await recordAudit(db, {
    orgId,
    actorId: actor.operatorId,
    actorEmail: actor.operatorEmail,
    action,
    targetType: "organization",
    targetId: orgId,
    ip: actor.ip,
    details,
  });
}

async function orgExists(db: Db, orgId: string): Promise<boolean> {
  if (!UUID.test(orgId)) return false;
  const [o] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return Boolean(o);
}

/**
 * Suspends (or, with `suspended: false`, reactivates) an organisation: its users keep reading but
 * cannot send or change anything until it is lifted. Operators only; audited as
 * `org.suspended` / `org.unsuspended` with the operator as actor. A repeat is a no-op.
 */
export async function setOrganizationSuspended(
  db: Db,
  actor: OperatorActor,
  orgId: string,
  suspended: boolean,
  now: Date = new Date(),
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    await assertOperator(tx, actor.operatorId);
    if (!(await orgExists(tx, orgId))) throw new AppError("NOT_FOUND");
    const [row] = await tx
      .update(organizations)
      .set(
        suspended
          ? { status: "suspended", suspendedAt: now }
          : { status: "active", suspendedAt: null },
      )
      .where(
        and(
          eq(organizations.id, orgId),
          eq(organizations.status, suspended ? "active" : "suspended"),
        ),
      )
      .returning({ id: organizations.id });
    if (!row) return { changed: false };
    await audited(tx, actor, orgId, suspended ? "org.suspended" : "org.unsuspended");
    return { changed: true };
  });
}

/**
 * Grants or revokes the partner role (A7) of an organisation. Operators only; audited as
 * `org.partner_granted` / `org.partner_revoked`. A repeat is a no-op.
 */
export async function setOrganizationPartner(
  db: Db,
  actor: OperatorActor,
  orgId: string,
  isPartner: boolean,
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    await assertOperator(tx, actor.operatorId);
    if (!(await orgExists(tx, orgId))) throw new AppError("NOT_FOUND");
    const [row] = await tx
      .update(organizations)
      .set({ isPartner })
      .where(and(eq(organizations.id, orgId), eq(organizations.isPartner, !isPartner)))
      .returning({ id: organizations.id });
    if (!row) return { changed: false };
    await audited(tx, actor, orgId, isPartner ? "org.partner_granted" : "org.partner_revoked");
    return { changed: true };
  });
}
