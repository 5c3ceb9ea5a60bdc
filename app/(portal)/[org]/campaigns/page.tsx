import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/queries";
import { CAMPAIGN_STATUSES } from "@/lib/campaigns/schemas";
import type { CampaignStatus } from "@/lib/campaigns/status";
import { hasRole } from "@/lib/orgs/roles";
import { CampaignStatusBadge } from "@/components/campaigns/status-badge";
import { Card, EmptyState } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { TableHead } from "@/components/ui/table-head";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns"))("title") };
}

/** The organisation's campaigns (e-mail and SMS), newest first, filterable by status. */
export default async function CampaignsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  const { org } = await params;
  const sp = await searchParams;
  const m = await requireMembership(org);
  const t = await getTranslations("campaigns");
  const format = await getFormatter();
  const status = (CAMPAIGN_STATUSES as readonly string[]).includes(sp.status ?? "")
    ? (sp.status as CampaignStatus)
    : undefined;
  const list = await listCampaigns(await getDb(), {
    orgId: m.orgId,
    statuses: status ? [status] : undefined,
    page: Math.max(0, Number(sp.page ?? 0) || 0),
  });
  const canEdit = hasRole(m.role, "editor");
  const href = (p: { status?: string; page?: number }) => {
    const q = new URLSearchParams();
    if (p.status) q.set("status", p.status);
    if (p.page) q.set("page", String(p.page));
    const s = q.toString();
    return `/${org}/campaigns${s ? `?${s}` : ""}`;
  };
  const date = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-2xl text-sm text-slate-600">{t("intro")}</p>
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/${org}/campaigns/new`}
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            >
              {t("new")}
            </Link>
            <Link
              href={`/${org}/campaigns/new?channel=sms`}
              className="rounded-md px-4 py-2 text-sm font-semibold text-brand-700 ring-1 ring-brand-600 hover:bg-brand-50"
            >
              {t("newSms")}
            </Link>
          </div>
        ) : null}
      </div>
      <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-1 text-sm">
        {[undefined, ...CAMPAIGN_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={href({ status: s })}
            aria-current={s === status ? "page" : undefined}
            className="rounded-md px-3 py-1 ring-1 ring-slate-200 hover:bg-slate-50 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700"
          >
            {s ? t(`status.${s}`) : t("allStatuses")}
          </Link>
        ))}
      </nav>
      <Card title={t("listTitle")}>
        {list.total === 0 ? (
          <EmptyState>
            {status ? t("emptyFiltered") : canEdit ? t("emptyEditor") : t("emptyViewer")}
          </EmptyState>
        ) : (
          <table className="w-full text-sm">
            <TableHead
              labels={[
                t("columns.name"),
                t("columns.channel"),
                t("columns.status"),
                t("columns.audience"),
                t("columns.when"),
              ]}
            />
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((c) => (
                <tr key={c.id}>
                  <td className="px-2 py-2">
                    <Link
                      href={`/${org}/campaigns/${c.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {c.name}
                    </Link>
                    {c.channel === "sms" ? (
                      c.textBody ? (
                        <p className="max-w-md truncate text-xs text-slate-600">{c.textBody}</p>
                      ) : null
                    ) : c.subject ? (
                      <p className="text-xs text-slate-600">{c.subject}</p>
                    ) : null}
                  </td>
                  <td className="px-2 py-2">
                    <span
                      data-testid="campaign-channel"
                      className={`rounded px-2 py-0.5 text-xs font-semibold ${c.channel === "sms" ? "bg-violet-100 text-violet-800" : "bg-sky-100 text-sky-800"}`}
                    >
                      {t(`channels.${c.channel}`)}
                    </span>
                  </td>
                  <td className="px-2 py-2">
                    <CampaignStatusBadge status={c.status} label={t(`status.${c.status}`)} />
                  </td>
                  <td className="px-2 py-2">
                    {c.segmentName
                      ? t("segmentOf", { register: c.registerName, segment: c.segmentName })
                      : t("wholeRegister", { register: c.registerName })}
                    {c.recipients !== null ? (
                      <p className="text-xs text-slate-600">
                        {t("recipientsCount", { count: c.recipients })}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-2 py-2 text-slate-700">
                    {c.finishedAt
                      ? t("sentAt", { date: date(c.finishedAt) })
                      : c.scheduledAt && c.status !== "draft"
                        ? t("scheduledFor", { date: date(c.scheduledAt) })
                        : t("createdAt", { date: date(c.createdAt) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager
          page={list.page}
          pages={list.pages}
          href={(p) => href({ status, page: p })}
          label={t("pageOf", { page: list.page + 1, pages: Math.max(1, list.pages) })}
          previous={t("previous")}
          next={t("next")}
        />
      </Card>
    </div>
  );
}
