import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getImportOrThrow, previewImport, reportPreview } from "@/lib/import/imports";
import { BUILT_IN_TARGETS, customTarget, suggestTargets } from "@/lib/import/targets";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { MappingForm } from "../_components/mapping-form";
import { RetryForm } from "../_components/retry-form";

export async function generateMetadata() {
  return { title: (await getTranslations("import.page"))("title") };
}

const DELIMITER_KEY: Record<string, string> = { ";": "semicolon", ",": "comma", "\t": "tab" };

/**
 * One import: preview and mapping while a draft; a progress bar (refreshing every second) while
 * queued or running; the counts, the first rejected rows and the report download when done.
 */
export default async function ImportPage({
  params,
}: {
  params: Promise<{ org: string; id: string; importId: string }>;
}) {
  const { org, id, importId } = await params;
  const m = await requireMembership(org);
  const db = await getDb();
  const { register, columns } = await loadRegisterForPage(db, m.orgId, id);
  const imp = await getImportOrThrow(db, m.orgId, importId).catch((err: unknown) => {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  if (imp.registerId !== register.id) notFound();
  const t = await getTranslations("import.page");
  const tAll = await getTranslations();
  const format = await getFormatter();
  /** A stored message "ns.key|param=value" in words. */
  const say = (msg: string) => {
    const [key = "", ...params] = msg.split("|");
    const values = Object.fromEntries(params.map((p) => p.split("=", 2) as [string, string]));
    return tAll.has(key) ? tAll(key, values) : msg;
  };
  const base = `/${org}/registers/${id}`;
  const active = imp.status === "queued" || imp.status === "running";
  const n = (v: number) => format.number(v);

  const info = [
    t("fileInfo", { name: imp.fileName, format: imp.format === "xlsx" ? "Excel (.xlsx)" : "CSV" }),
    imp.encoding ? t("encoding", { encoding: tAll(`import.encoding.${imp.encoding}`) }) : null,
    imp.delimiter && DELIMITER_KEY[imp.delimiter]
      ? t("delimiter", { delimiter: tAll(`import.delimiter.${DELIMITER_KEY[imp.delimiter]}`) })
      : null,
    imp.totalRows > 0 ? t("rowsEstimate", { count: imp.totalRows }) : null,
  ].filter(Boolean);

  let body: React.ReactNode = null;
  if (imp.status === "draft") {
    const preview = (await previewImport(db, imp, 10)) ?? [];
    const builtIns = {
      email: t("builtIn.email"),
      phone: t("builtIn.phone"),
      firstName: t("builtIn.firstName"),
      lastName: t("builtIn.lastName"),
    };
    const targets = [
      ...BUILT_IN_TARGETS.map((k) => ({ value: k, label: builtIns[k] })),
      ...columns.map((c) => ({ value: customTarget(c.key), label: c.label })),
    ];
    body = (
      <>
        <Card title={t("preview")}>
          {preview.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noRows")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead className="border-b border-slate-200">
                  <tr>
                    <th scope="col" className="px-2 py-2 text-left font-medium text-slate-600">
                      {t("row")}
                    </th>
                    {imp.headers.map((h, i) => (
                      <th
                        key={i}
                        scope="col"
                        className="px-2 py-2 text-left font-medium text-slate-600"
                      >
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {preview.map((r) => (
                    <tr key={r.rowNumber}>
                      <td className="px-2 py-1 text-slate-500">{r.rowNumber}</td>
                      {imp.headers.map((_, i) => (
                        <td key={i} className="px-2 py-1">
                          {r.values[i] ?? ""}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <Card>
          {hasRole(m.role, "editor") ? (
            <MappingForm
              org={org}
              registerId={id}
              importId={imp.id}
              headers={imp.headers}
              suggested={suggestTargets(imp.headers, columns, builtIns)}
              targets={targets}
              samples={preview.map((r) => r.values)}
            />
          ) : (
            <p className="text-sm text-slate-600">{t("viewerNote")}</p>
          )}
        </Card>
      </>
    );
  } else if (active) {
    body = (
      <Card title={t(`status.${imp.status}`)}>
        <div className="space-y-2">
          <ProgressBar value={imp.processedRows} max={imp.totalRows} label={t("progress")} />
          <p className="text-sm text-slate-700" role="status">
            {imp.totalRows > 0
              ? t("progressText", { processed: n(imp.processedRows), total: n(imp.totalRows) })
              : t("progressUnknown", { processed: n(imp.processedRows) })}
          </p>
          <p className="text-sm text-slate-600">{t("queuedHelp")}</p>
        </div>
      </Card>
    );
  } else if (imp.status === "failed") {
    body = (
      <Card>
        <p role="alert" className="text-sm text-red-700">
          {t("failedText", { error: say(imp.error ?? "import.errors.FAILED") })}
        </p>
        {hasRole(m.role, "editor") && imp.fileId ? (
          <RetryForm org={org} registerId={id} importId={imp.id} />
        ) : null}
      </Card>
    );
  } else {
    const rejected = await reportPreview(db, imp, 20);
    const stats: [string, number][] = [
      ["total", imp.totalRows],
      ["inserted", imp.insertedRows],
      ["updated", imp.updatedRows],
      ["unchanged", imp.unchangedRows],
      ["rejected", imp.rejectedRows],
      ["suppressed", imp.suppressedRows],
    ];
    body = (
      <>
        <Card title={t("results")}>
          <ProgressBar value={1} max={1} label={t("progress")} tone="green" />
          <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
            {stats.map(([k, v]) => (
              <div key={k} className="rounded-md bg-slate-50 p-3" data-testid={`import-${k}`}>
                <dt className="text-xs text-slate-600">{t(k)}</dt>
                <dd className="text-xl font-semibold">{n(v)}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("rejectedRows")}>
          {rejected.length === 0 ? (
            <p className="text-sm text-slate-600">
              {imp.rejectedRows + imp.suppressedRows > 0 ? t("reportExpired") : t("noRejected")}
            </p>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-slate-600">
                {t("rejectedFirst", { count: rejected.length })}
              </p>
              <div className="overflow-x-auto">
                <table className="w-full text-sm">
                  <thead className="border-b border-slate-200">
                    <tr>
                      <th scope="col" className="px-2 py-2 text-left font-medium text-slate-600">
                        {t("row")}
                      </th>
                      <th scope="col" className="px-2 py-2 text-left font-medium text-slate-600">
                        {t("reason")}
                      </th>
                      <th scope="col" className="px-2 py-2 text-left font-medium text-slate-600">
                        {t("values")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {rejected.map((r, i) => (
                      <tr key={i}>
                        <td className="px-2 py-1">{r.row === "0" ? "" : r.row}</td>
                        <td className="px-2 py-1">{r.reason}</td>
                        <td className="px-2 py-1 text-slate-600">{r.values.join(" ; ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {imp.reportFileId ? (
                <a
                  href={`${base}/imports/${imp.id}/report`}
                  className="inline-block rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
                  download
                >
                  {t("downloadReport")}
                </a>
              ) : null}
            </div>
          )}
        </Card>
      </>
    );
  }

  return (
    <div className="space-y-6">
      <AutoRefresh active={active} />
      <div>
        <p className="text-sm">
          <Link href={base} className="text-brand-700 hover:underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {t("title")}: {register.name}
        </h1>
        <p className="text-sm text-slate-600">{info.join(" · ")}</p>
        <p className="text-sm">
          {t("statusLabel")}: <strong>{t(`status.${imp.status}`)}</strong>
        </p>
      </div>
      {body}
    </div>
  );
}
