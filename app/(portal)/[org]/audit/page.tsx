import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { auditActorLabel, describeAuditEntry, type Translate } from "@/lib/audit/describe";
import {
  AUDIT_ACTIONS,
  AUDIT_EXPORT_MAX,
  AUDIT_PAGE_SIZE,
  auditFilterParams,
  listAuditActors,
  listAuditEntries,
  parseAuditFilters,
} from "@/lib/audit/queries";
import { Pager } from "@/components/ui/pager";
import { Card, EmptyState } from "@/components/ui/card";
import { AuditFilterForm } from "./_components/audit-filters";
import { TableHead } from "@/components/ui/table-head";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Search>;
}) {
  const { org } = await params;
  const search = await searchParams;
  // Main users only: for everyone else the page does not exist.
  const m = await requireMembership(org, "main");
  const tAll = await getTranslations();
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const db = await getDb();
  const { filters, invalid } = parseAuditFilters(search);
  const page = Math.max(0, Math.floor(Number(search.page) || 0));
  const [{ rows, total }, actors] = await Promise.all([
    listAuditEntries(db, m.orgId, filters, { page }),
    listAuditActors(db, m.orgId),
  ]);
  const translate = tAll as unknown as Translate;
  const query = auditFilterParams(filters);
  const href = (p: number) => `/${org}/audit?${new URLSearchParams({ ...query, page: String(p) })}`;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const filtered = Object.keys(query).length > 0;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card title={t("filters")}>
        <AuditFilterForm
          org={org}
          filters={filters}
          actions={AUDIT_ACTIONS.map((a) => ({
            value: a,
            label: tAll(`audit.labels.${a}` as "audit.title"),
          }))}
          actors={actors}
        />
        {invalid.length ? (
          <p role="status" className="mt-3 text-sm text-amber-800">
            {t("invalidFilter")}
          </p>
        ) : null}
      </Card>
      <Card title={t("total", { count: total })}>
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <a
            href={`/${org}/audit/export?${new URLSearchParams(query)}`}
            className="rounded-md px-3 py-1.5 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
            download
          >
            {t("export")}
          </a>
          <span className="text-xs text-slate-600">
            {t("exportHelp", { max: format.number(AUDIT_EXPORT_MAX) })}
          </span>
        </div>
        {rows.length === 0 ? (
          <EmptyState>{filtered ? t("emptyFiltered") : t("empty")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <TableHead labels={[t("time"), t("event"), t("who"), t("ip")]} />
              <tbody className="divide-y divide-slate-100">
                {rows.map((e) => (
                  <tr key={e.id} className="align-top">
                    <td className="whitespace-nowrap py-2 pr-3 tabular-nums">
                      <time dateTime={e.createdAt.toISOString()}>
                        {format.dateTime(e.createdAt, "short")}
                      </time>
                    </td>
                    <td className="py-2 pr-3">{describeAuditEntry(e, translate)}</td>
                    <td className="py-2 pr-3">
                      <span className="block">{auditActorLabel(e, translate)}</span>
                      {e.actorName && e.actorEmail ? (
                        <span className="block text-xs text-slate-600">{e.actorEmail}</span>
                      ) : null}
                    </td>
                    <td className="py-2 font-mono text-xs">{e.ip ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          page={page}
          pages={pages}
          href={href}
          label={t("pageOf", { page: page + 1, pages })}
          previous={t("newer")}
          next={t("older")}
        />
      </Card>
    </div>
  );
}
