import type { Db } from "@/db";
import type { Locale } from "@/lib/i18n/config";
import { requireOrgRole } from "@/lib/orgs/require-role";
import { toCsv } from "./csv";
import { formatHelsinki } from "./dates";
import { auditActorLabel, auditTranslator, describeAuditEntry } from "./describe";
import { auditFilterParams, listAuditEntriesForExport, type AuditFilters } from "./queries";
import { recordAudit } from "./record";

/**
 * The organisation's audit entries matching `filters` as CSV in the user's language. Main users
 * only (checked here too); the export itself is recorded as `audit.exported`.
 */
export async function exportAuditLog(
  db: Db,
  opts: {
    orgId: string;
    userId: string;
    userEmail: string;
    ip: string;
    filters: AuditFilters;
    locale: Locale;
  },
): Promise<{ csv: string; count: number }> {
  await requireOrgRole(db, opts.orgId, opts.userId, "main");
  const t = await auditTranslator(opts.locale);
  const rows = await listAuditEntriesForExport(db, opts.orgId, opts.filters);
  const header = ["time", "actor", "actorEmail", "action", "description", "ip"].map((k) =>
    t(`audit.csv.${k}`),
  );
  const csv = toCsv([
    header,
    ...rows.map((e) => [
      formatHelsinki(e.createdAt),
      auditActorLabel(e, t),
      e.actorEmail,
      e.action,
      describeAuditEntry(e, t),
      e.ip,
    ]),
  ]);
  await recordAudit(db, {
    orgId: opts.orgId,
    actorId: opts.userId,
    actorEmail: opts.userEmail,
    action: "audit.exported",
    targetType: "audit_log",
    ip: opts.ip,
    details: { count: rows.length, filters: auditFilterParams(opts.filters) },
  });
  return { csv, count: rows.length };
}
