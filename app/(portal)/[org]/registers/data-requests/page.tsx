import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { findPerson, parsePersonQuery } from "@/lib/contacts/data-subject";
import { hasRole } from "@/lib/orgs/roles";
import { erasePersonAction } from "@/lib/registers/actions";
import { ConfirmForm } from "@/components/orgs/confirm-form";
import { Card, EmptyState } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("dataRequests"))("title") };
}

/**
 * Data-subject requests (R11): find a person across the organisation's registers, download
 * everything kept about them, or erase them everywhere (main users). Editors and main users.
 */
export default async function DataRequestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const { org } = await params;
  const raw = ((await searchParams).q ?? "").slice(0, 320);
  const m = await requireMembership(org);
  if (!hasRole(m.role, "editor")) notFound();
  const t = await getTranslations("dataRequests");
  const format = await getFormatter();
  const q = raw ? parsePersonQuery(raw) : null;
  const report = q
    ? await findPerson(await getDb(), m.orgId, { userId: m.userId, userEmail: "" }, q)
    : null;
  const exportHref = (f: string) =>
    `/${org}/registers/data-requests/export?${new URLSearchParams({ q: raw, format: f })}`;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${org}/registers`} className="text-brand-700 hover:underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card>
        <form role="search" className="flex flex-wrap items-end gap-2">
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="person-q" className="block text-sm font-medium text-slate-800">
              {t("query")}
            </label>
            <input
              id="person-q"
              name="q"
              type="search"
              defaultValue={raw}
              maxLength={320}
              required
              aria-invalid={raw && !q ? true : undefined}
              aria-describedby="person-q-hint"
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            <p
              id="person-q-hint"
              className={`text-xs ${raw && !q ? "text-red-700" : "text-slate-600"}`}
            >
              {raw && !q ? t("invalidQuery") : t("queryHint")}
            </p>
          </div>
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("search")}
          </button>
        </form>
      </Card>
      {report ? (
        <Card title={q!.value}>
          <p className="text-sm" data-testid="person-found">
            {t("found", { count: report.contacts.length })}
          </p>
          {report.contacts.length ? (
            <ul className="mt-3 divide-y divide-slate-200 text-sm">
              {report.contacts.map((c) => (
                <li key={c.id} className="py-2">
                  <Link
                    href={`/${org}/registers/${c.register.id}/contacts/${c.id}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {c.register.name}
                  </Link>
                  <span className="text-slate-600">
                    {" "}
                    · {[c.firstName, c.lastName].filter(Boolean).join(" ") ||
                      c.email ||
                      c.phone} · {format.dateTime(new Date(c.createdAt), { dateStyle: "short" })} ·{" "}
                    {t("consentCount", { count: c.consentEvents.length })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <div className="mt-3">
              <EmptyState>{t("found", { count: 0 })}</EmptyState>
            </div>
          )}
          {report.suppressions.map((s) => (
            <p key={s.channel} className="mt-2 text-sm text-slate-700">
              {t("suppressed", {
                channel: t(`channels.${s.channel}`),
                reason: t(`reasons.${s.reason}`),
              })}
            </p>
          ))}
          <div className="mt-4 flex flex-wrap gap-2">
            <a
              href={exportHref("json")}
              className="rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {t("downloadJson")}
            </a>
            <a
              href={exportHref("csv")}
              className="rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {t("downloadCsv")}
            </a>
          </div>
          <div className="mt-6 border-t border-slate-200 pt-4">
            <h2 className="text-base font-semibold">{t("eraseTitle")}</h2>
            <p className="mb-3 max-w-3xl text-sm text-slate-600">{t("eraseHint")}</p>
            {hasRole(m.role, "main") ? (
              <ConfirmForm
                action={erasePersonAction}
                fields={{ org, query: raw }}
                label={t("erase")}
                question={t("eraseQuestion", { query: q!.value })}
                confirmLabel={t("eraseConfirm")}
                cancelLabel={t("cancel")}
                pendingLabel={t("erasing")}
                success={t("erased")}
              />
            ) : (
              <p className="text-sm text-slate-600">{t("mainOnly")}</p>
            )}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
