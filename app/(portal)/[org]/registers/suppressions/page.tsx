import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { removeSuppressionAction } from "@/lib/consent/actions";
import { listSuppressions, SUPPRESSION_PAGE } from "@/lib/consent/suppressions";
import { hasRole } from "@/lib/orgs/roles";
import { ConfirmForm } from "@/components/orgs/confirm-form";
import { Card, EmptyState } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { AddSuppressionForm } from "./_components/add-suppression-form";

export async function generateMetadata() {
  return { title: (await getTranslations("consent"))("suppressions.title") };
}

/** The organisation's suppression list (R8): search, add (editors), remove (main users). */
export default async function SuppressionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const { org } = await params;
  const sp = await searchParams;
  const m = await requireMembership(org);
  const t = await getTranslations("consent.suppressions");
  const tc = await getTranslations("consent");
  const format = await getFormatter();
  const q = (sp.q ?? "").slice(0, 200);
  const { rows, total, page } = await listSuppressions(await getDb(), m.orgId, {
    q,
    page: Math.max(0, Number(sp.page) || 0),
  });
  const pages = Math.max(1, Math.ceil(total / SUPPRESSION_PAGE));
  const href = (p: number) =>
    `/${org}/registers/suppressions?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  const th = "px-2 py-2 text-left font-medium text-slate-600";
  const isMain = hasRole(m.role, "main");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${org}/registers`} className="text-brand-700 hover:underline">
            {(await getTranslations("contacts"))("backToRegisters")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card>
        <form className="flex flex-wrap items-end gap-2" role="search">
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="sq" className="block text-sm font-medium text-slate-800">
              {t("search")}
            </label>
            <input
              id="sq"
              name="q"
              defaultValue={q}
              aria-describedby="sq-hint"
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm"
            />
            <p id="sq-hint" className="text-xs text-slate-600">
              {t("searchHint")}
            </p>
          </div>
          <button
            type="submit"
            className="mb-5 rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {t("searchButton")}
          </button>
        </form>
        <p className="mt-2 text-sm text-slate-600">{t("total", { count: total })}</p>
        {rows.length === 0 ? (
          <div className="mt-4">
            <EmptyState>{q ? t("noMatches", { q }) : t("empty")}</EmptyState>
          </div>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-200">
                <tr>
                  <th scope="col" className={th}>
                    {t("address")}
                  </th>
                  <th scope="col" className={th}>
                    {t("channel")}
                  </th>
                  <th scope="col" className={th}>
                    {t("reason")}
                  </th>
                  <th scope="col" className={th}>
                    {t("note")}
                  </th>
                  <th scope="col" className={th}>
                    {t("added")}
                  </th>
                  {isMain ? <th scope="col" className={th} /> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="px-2 py-2 break-all">
                      {r.value ?? <span className="text-slate-500">{t("erased")}</span>}
                    </td>
                    <td className="px-2 py-2">{tc(`channel.${r.channel}`)}</td>
                    <td className="px-2 py-2">{t(`reasons.${r.reason}`)}</td>
                    <td className="px-2 py-2">{r.note || "–"}</td>
                    <td className="px-2 py-2 whitespace-nowrap">
                      {format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "short" })}
                    </td>
                    {isMain ? (
                      <td className="px-2 py-2">
                        <ConfirmForm
                          action={removeSuppressionAction}
                          fields={{ org, suppressionId: r.id }}
                          label={t("remove")}
                          question={t("removeQuestion")}
                          confirmLabel={t("removeConfirm")}
                          cancelLabel={t("cancel")}
                        />
                      </td>
                    ) : null}
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
          label={t("page", { page: page + 1, pages })}
          previous={t("previous")}
          next={t("next")}
        />
      </Card>
      {hasRole(m.role, "editor") ? (
        <Card title={t("addTitle")}>
          <AddSuppressionForm org={org} />
        </Card>
      ) : null}
    </div>
  );
}
