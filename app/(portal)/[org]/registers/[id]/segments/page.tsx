import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { listSegments } from "@/lib/segments/segments";
import { Card, EmptyState } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("segments"))("title") };
}

/** A register's saved segments with their live counts. */
export default async function SegmentsPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const m = await requireMembership(org);
  const db = await getDb();
  const { register } = await loadRegisterForPage(db, m.orgId, id);
  const segments = await listSegments(db, m.orgId, id);
  const t = await getTranslations("segments");
  const format = await getFormatter();
  const base = `/${org}/registers/${id}`;
  const th = "px-2 py-2 text-left font-medium text-slate-600";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href={base} className="text-brand-700 hover:underline">
              {register.name}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-2xl text-sm text-slate-600">{t("intro")}</p>
        </div>
        {hasRole(m.role, "editor") ? (
          <Link
            href={`${base}/segments/new`}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("new")}
          </Link>
        ) : null}
      </div>
      <Card>
        {segments.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200">
              <tr>
                <th scope="col" className={th}>
                  {t("colName")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("colCount")}
                </th>
                <th scope="col" className={th}>
                  {t("colUpdated")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {segments.map((s) => (
                <tr key={s.id}>
                  <td className="px-2 py-2">
                    <Link
                      href={`${base}/segments/${s.id}`}
                      className="text-brand-700 hover:underline"
                    >
                      {s.name}
                    </Link>
                  </td>
                  <td className="px-2 py-2 text-right tabular-nums">
                    {s.broken ? (
                      <span className="text-amber-800">{t("broken")}</span>
                    ) : (
                      format.number(s.count ?? 0)
                    )}
                  </td>
                  <td className="px-2 py-2">
                    {format.dateTime(s.updatedAt, { dateStyle: "short", timeStyle: "short" })}
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
