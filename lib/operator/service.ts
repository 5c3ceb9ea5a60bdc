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

/** Highest price per SMS part an operator may set, in cents. */
export const MAX_SMS_PART_PRICE_CENTS = 100;

/** True for a price per part of 0–100 cents with at most three decimals. */
export function validSmsPartPrice(cents: number): boolean {
  return (
    Number.isFinite(cents) &&
    cents >= 0 &&
    cents <= MAX_SMS_PART_PRICE_CENTS &&
    Math.abs(Math.round(cents * 1000) - cents * 1000) < 1e-6
  );
}

/**
 * Sets the organisation's price per SMS part (S3), in cents with up to three decimals, that its
 * cost estimates use. Operators only; audited as `org.sms_price_changed` with the old and new
 * price. Setting the same price again is a no-op.
 */
export async function setOrganizationSmsPrice(
  db: Db,
  actor: OperatorActor,
  orgId: string,
  cents: number,
): Promise<{ changed: boolean }> {
  if (!validSmsPartPrice(cents))
    throw new AppError("BAD_REQUEST", {
      userMessage: "operator.smsPriceInvalid",
      fieldErrors: { cents: ["operator.smsPriceInvalid"] },
    });
  return db.transaction(async (tx) => {
    await assertOperator(tx, actor.operatorId);
    if (!(await orgExists(tx, orgId))) throw new AppError("NOT_FOUND");
    const [before] = await tx
      .select({ price: organizations.smsPartPriceCents })
      .from(organizations)
      .where(eq(organizations.id, orgId))
      .for("update");
    if (Number(before!.price) === cents) return { changed: false };
    await tx
      .update(organizations)
      .set({ smsPartPriceCents: cents })
      .where(eq(organizations.id, orgId));
    await audited(tx, actor, orgId, "org.sms_price_changed", {
      from: String(Number(before!.price)),
      to: String(cents),
    });
    return { changed: true };
  });
}
