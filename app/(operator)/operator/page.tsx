import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireOperator } from "@/lib/operator/session";
import { OPERATOR_PAGE_SIZE, searchOrganizations } from "@/lib/operator/queries";
import { Pager } from "@/components/ui/pager";
import { Card, EmptyState } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { TableHead } from "@/components/ui/table-head";

export async function generateMetadata() {
  return { title: (await getTranslations("operator"))("title") };
}

/** Operators' organisation list with search (name, address, Y-tunnus, customer number) and paging. */
export default async function OperatorHome({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const operatorId = await requireOperator();
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q : "";
  const page = Math.max(0, Math.floor(Number(sp.page) || 0));
  const t = await getTranslations("operator");
  const { rows, total } = await searchOrganizations(await getDb(), operatorId, { q, page });
  const pages = Math.max(1, Math.ceil(total / OPERATOR_PAGE_SIZE));
  const href = (p: number) =>
    `/operator?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <form
        method="get"
        action="/operator"
        role="search"
        className="flex flex-wrap items-end gap-3"
      >
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="op-q" className="block text-sm font-medium text-slate-800">
            {t("search")}
          </label>
          <input
            id="op-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm"
          />
        </div>
        <Button type="submit">{t("searchButton")}</Button>
      </form>
      <Card title={t("found", { count: total })}>
        {rows.length === 0 ? (
          <EmptyState>{q ? t("noMatches") : t("noOrgs")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <TableHead
                labels={[
                  t("name"),
                  t("businessId"),
                  t("customerNumber"),
                  t("members"),
                  t("status"),
                ]}
              />
              <tbody className="divide-y divide-slate-100">
                {rows.map((o) => (
                  <tr key={o.id}>
                    <td className="py-2 pr-3">
                      <Link
                        href={`/operator/orgs/${o.id}`}
                        className="font-medium text-brand-700 underline"
                      >
                        {o.name}
                      </Link>
                      <span className="block font-mono text-xs text-slate-600">/{o.slug}</span>
                    </td>
                    <td className="py-2 pr-3 font-mono">{o.businessId ?? "–"}</td>
                    <td className="py-2 pr-3 font-mono">{o.customerNumber ?? "–"}</td>
                    <td className="py-2 pr-3 tabular-nums">{o.members}</td>
                    <td className="py-2 pr-3">
                      {o.status === "suspended" ? (
                        <span className="rounded bg-red-100 px-2 py-0.5 text-xs text-red-800">
                          {t("suspended")}
                        </span>
                      ) : (
                        t("active")
                      )}
                      {o.isPartner ? (
                        <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">
                          {t("partner")}
                        </span>
                      ) : null}
                    </td>
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
          previous={t("previous")}
          next={t("next")}
        />
      </Card>
    </div>
  );
}
