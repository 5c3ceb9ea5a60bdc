import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { listExports } from "@/lib/exports/exports";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { listSegments } from "@/lib/segments/segments";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { Card, EmptyState } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ExportForm } from "./_components/export-form";

export async function generateMetadata() {
  return { title: (await getTranslations("exports"))("title") };
}

/** A register's exports (editors and main users): start one, follow progress, download. */
export default async function ExportsPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const m = await requireMembership(org);
  const db = await getDb();
  const { register } = await loadRegisterForPage(db, m.orgId, id);
  const t = await getTranslations("exports");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const base = `/${org}/registers/${id}`;
  const header = (
    <div>
      <p className="text-sm">
        <Link href={base} className="text-brand-700 hover:underline">
          {register.name}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-2xl text-sm text-slate-600">{t("intro")}</p>
    </div>
  );
  if (!hasRole(m.role, "editor"))
    return (
      <div className="space-y-6">
        {header}
        <Card>
          <EmptyState>{t("noAccess")}</EmptyState>
        </Card>
      </div>
    );
  const [rows, segments] = await Promise.all([
    listExports(db, m.orgId, id),
    listSegments(db, m.orgId, id),
  ]);
  const active = rows.some((r) => r.status === "queued" || r.status === "running");
  const th = "px-2 py-2 text-left font-medium text-slate-600";
  const errorText = (e: string) => (tAll.has(e) ? tAll(e) : tAll("exports.errors.failed"));
  return (
    <div className="space-y-6">
      {header}
      <AutoRefresh active={active} />
      <Card>
        <ExportForm
          org={org}
          registerId={id}
          segments={segments.filter((s) => !s.broken).map((s) => ({ id: s.id, name: s.name }))}
        />
      </Card>
      <Card>
        {rows.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200">
              <tr>
                <th scope="col" className={th}>
                  {t("colCreated")}
                </th>
                <th scope="col" className={th}>
                  {t("colWhat")}
                </th>
                <th scope="col" className={th}>
                  {t("colFormat")}
                </th>
                <th scope="col" className={th}>
                  {t("colStatus")}
                </th>
                <th scope="col" className={th}>
                  {t("colFile")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id} data-testid="export-row">
                  <td className="px-2 py-2">
                    {format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" })}
                  </td>
                  <td className="px-2 py-2">{r.segmentName ?? t("wholeRegister")}</td>
                  <td className="px-2 py-2">.{r.format}</td>
                  <td className="min-w-48 px-2 py-2">
                    {r.status === "running" || r.status === "queued" ? (
                      <ProgressBar
                        value={r.processedRows}
                        max={Math.max(r.totalRows, 1)}
                        label={`${t(`status.${r.status}`)}: ${t("progress", { done: r.processedRows, total: r.totalRows })}`}
                      />
                    ) : r.status === "failed" ? (
                      <span className="text-red-700">{errorText(r.error ?? "")}</span>
                    ) : (
                      <span>
                        {t(`status.${r.status}`)} · {t("rows", { count: r.processedRows })}
                      </span>
                    )}
                  </td>
                  <td className="px-2 py-2">
                    {r.status === "done" && r.fileId ? (
                      <a
                        href={`${base}/exports/${r.id}/download`}
                        className="text-brand-700 hover:underline"
                        download
                      >
                        {t("download")}
                      </a>
                    ) : r.status === "done" ? (
                      t("expired")
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
