import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Import } from "@/lib/import/run";
import { EmptyState } from "@/components/ui/card";

const TONE: Record<Import["status"], string> = {
  draft: "bg-slate-100 text-slate-700",
  queued: "bg-amber-100 text-amber-800",
  running: "bg-blue-100 text-blue-800",
  done: "bg-green-100 text-green-800",
  failed: "bg-red-100 text-red-800",
};

/** The register's recent imports with status and counts, each linking to its page. */
export async function ImportList({ base, rows }: { base: string; rows: Import[] }) {
  const t = await getTranslations("import.page");
  const format = await getFormatter();
  if (rows.length === 0) return <EmptyState>{t("noImports")}</EmptyState>;
  const th = "px-2 py-2 text-left font-medium text-slate-600";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={th}>
              {t("fileName")}
            </th>
            <th scope="col" className={th}>
              {t("startedAt")}
            </th>
            <th scope="col" className={th}>
              {t("statusLabel")}
            </th>
            <th scope="col" className={th}>
              {t("inserted")}
            </th>
            <th scope="col" className={th}>
              {t("updated")}
            </th>
            <th scope="col" className={th}>
              {t("rejected")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="px-2 py-2">
                <Link href={`${base}/imports/${r.id}`} className="text-brand-700 hover:underline">
                  {r.fileName}
                </Link>
              </td>
              <td className="px-2 py-2">
                {format.dateTime(new Date(r.createdAt), { dateStyle: "short", timeStyle: "short" })}
              </td>
              <td className="px-2 py-2">
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[r.status]}`}>
                  {t(`status.${r.status}`)}
                </span>
              </td>
              <td className="px-2 py-2">{r.status === "done" ? r.insertedRows : "–"}</td>
              <td className="px-2 py-2">{r.status === "done" ? r.updatedRows : "–"}</td>
              <td className="px-2 py-2">
                {r.status === "done" ? r.rejectedRows + r.suppressedRows : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
