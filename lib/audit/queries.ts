import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { helsinkiDayEnd, helsinkiDayStart, isYmd } from "./dates";
import type { AuditAction } from "./record";

export const AUDIT_PAGE_SIZE = 50;
/** The most entries one CSV export carries (the filters narrow a larger log). */
export const AUDIT_EXPORT_MAX = 50_000;

/** Every action the log knows, for the action-type filter. */
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_up",
  "auth.email_verified",
  "auth.password_reset_requested",
  "auth.password_reset",
  "auth.password_changed",
  "auth.email_change_requested",
  "auth.email_changed",
  "member.invited",
  "member.invitation_resent",
  "member.invitation_revoked",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "org.updated",
  "org.suspended",
  "org.unsuspended",
  "org.partner_granted",
  "org.partner_revoked",
  "org.sms_price_changed",
  "email.test_sent",
  "audit.exported",
  "register.created",
  "register.deleted",
  "register.column_removed",
  "contact.deleted",
  "contact.bulk_deleted",
  "export.created",
  "consent.recorded",
  "suppression.added",
  "suppression.removed",
  "register.public_forms_updated",
  "register.privacy_updated",
  "person.exported",
  "person.erased",
  "person.files_erased",
  "import.completed",
  "sms_sender.added",
  "sms_sender.removed",
  "sender.added",
  "sender.verification_sent",
  "sender.verified",
  "sender.deleted",
  "domain.added",
  "domain.deleted",
  "preflight.test_sent",
  "preflight.approved",
  "campaign.created",
  "campaign.deleted",
  "campaign.scheduled",
  "campaign.unscheduled",
  "campaign.paused",
  "campaign.resumed",
  "campaign.cancelled",
  "campaign.sent",
  "campaign.report_exported",
  "brand.updated",
];

/** Filters of the audit page; dates are Helsinki calendar days (YYYY-MM-DD), both inclusive. */
export type AuditFilters = { action?: AuditAction; actorId?: string; from?: string; to?: string };

export type AuditEntryRow = {
  id: number;
  createdAt: Date;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const one = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Filters from a page's search parameters; values that are not valid are dropped and named. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): {
  filters: AuditFilters;
  invalid: string[];
} {
  const filters: AuditFilters = {};
  const invalid: string[] = [];
  const action = one(params.action);
  if (action) {
    if ((AUDIT_ACTIONS as readonly string[]).includes(action))
      filters.action = action as AuditAction;
    else invalid.push("action");
  }
  const actor = one(params.actor);
  if (actor) {
    if (UUID.test(actor)) filters.actorId = actor;
    else invalid.push("actor");
  }
  for (const k of ["from", "to"] as const) {
    const v = one(params[k]);
    if (v && isYmd(v)) filters[k] = v;
    else if (v) invalid.push(k);
  }
  return { filters, invalid };
}

/** Filters as URL search parameters (for paging and export links). */
export function auditFilterParams(f: AuditFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.action) out.action = f.action;
  if (f.actorId) out.actor = f.actorId;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  return out;
}

// Why: the organisation is always the first condition, so no filter can widen the scope.
function where(orgId: string, f: AuditFilters): SQL {
  const conds: SQL[] = [eq(auditLog.orgId, orgId)];
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.actorId) conds.push(eq(auditLog.actorId, f.actorId));
  if (f.from) conds.push(gte(auditLog.createdAt, helsinkiDayStart(f.from)));
  if (f.to) conds.push(lt(auditLog.createdAt, helsinkiDayEnd(f.to)));
  return and(...conds)!;
}

const columns = {
  id: auditLog.id,
  createdAt: auditLog.createdAt,
  action: auditLog.action,
  actorId: auditLog.actorId,
  actorEmail: auditLog.actorEmail,
  actorName: sql<
    string | null
  >`nullif(trim(concat(${users.firstName}, ' ', ${users.lastName})), '')`,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  ip: auditLog.ip,
  details: auditLog.details,
};

/** One page of the organisation's audit log, newest first, with the total that matches. */
export async function listAuditEntries(
  db: Db,
  orgId: string,
  filters: AuditFilters,
  opts: { page?: number; pageSize?: number } = {},
): Promise<{ rows: AuditEntryRow[]; total: number }> {
  const size = Math.min(opts.pageSize ?? AUDIT_PAGE_SIZE, 500);
  const page = Math.max(0, Math.floor(opts.page ?? 0));
  const cond = where(orgId, filters);
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(cond)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(size)
      .offset(page * size),
    db.select({ n: count() }).from(auditLog).where(cond),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Every entry matching the filters (at most AUDIT_EXPORT_MAX), newest first, for the export. */
export async function listAuditEntriesForExport(
  db: Db,
  orgId: string,
  filters: AuditFilters,
): Promise<AuditEntryRow[]> {
  return db
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where(orgId, filters))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_EXPORT_MAX);
}

/** The people who appear as actors in the organisation's log (for the person filter). */
export async function listAuditActors(
  db: Db,
  orgId: string,
): Promise<{ id: string; label: string }[]> {
  const rows = await db
    .selectDistinct({
      id: auditLog.actorId,
      name: sql<
        string | null
      >`nullif(trim(concat(${users.firstName}, ' ', ${users.lastName})), '')`,
      email: sql<string | null>`coalesce(${users.email}, ${auditLog.actorEmail})`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.orgId, orgId), sql`${auditLog.actorId} is not null`))
    .limit(1000);
  const byId = new Map<string, string>();
  for (const r of rows)
    if (r.id && !byId.has(r.id))
      byId.set(r.id, r.name ? `${r.name} (${r.email ?? ""})` : (r.email ?? r.id));
  return [...byId]
    .map(([id, label]) => ({ id, label }))
    .sort((a, b) => a.label.localeCompare(b.label, "fi"));
}
