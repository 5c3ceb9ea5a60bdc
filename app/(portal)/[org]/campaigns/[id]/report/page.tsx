import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { hasRole } from "@/lib/orgs/roles";
import {
  clicksPerLink,
  engagementTimeline,
  getReportCampaignOrThrow,
  reportSummary,
} from "@/lib/tracking/report";
import { listEngaged, PEOPLE_PAGE } from "@/lib/tracking/report-rows";
import { LineChart } from "@/components/charts/line-chart";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { Card } from "@/components/ui/card";
import { EngagedList } from "./_components/engaged-list";
import { LinkTable } from "./_components/link-table";
import { ReportHeader } from "./_components/report-header";
import { SmsReport } from "./_components/sms-report";
import { SummaryGrid } from "./_components/summary-grid";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("title") };
}

type Props = {
  params: Promise<{ org: string; id: string }>;
  /** op/cp: pages of the e-mail report's opened/clicked lists; s/p: the SMS list's filter/page. */
  searchParams: Promise<{ op?: string; cp?: string; s?: string; p?: string }>;
};

const pageOf = (v: string | undefined) => Math.max(0, Math.min(100_000, Number(v) || 0));

/**
 * A campaign's report. E-mail (E11): counts and rates, opens/clicks over time, links, who
 * engaged. SMS (S1): delivery counts, parts and cost, sends and delivery reports over time,
 * failure reasons and every recipient (`_components/sms-report.tsx`).
 */
export default async function CampaignReportPage({ params, searchParams }: Props) {
  const { org, id } = await params;
  const sp = await searchParams;
  const m = await requireMembership(org, "viewer");
  const db = await getDb();
  const campaign = await getReportCampaignOrThrow(db, m.orgId, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  if (campaign.channel === "sms")
    return (
      <SmsReport
        org={org}
        orgId={m.orgId}
        campaign={campaign}
        canExport={hasRole(m.role, "editor")}
        status={sp.s}
        page={pageOf(sp.p)}
      />
    );
  const [openPage, clickPage] = [pageOf(sp.op), pageOf(sp.cp)];
  const [summary, links, timeline, opened, clicked] = await Promise.all([
    reportSummary(db, m.orgId, id),
    clicksPerLink(db, m.orgId, id),
    engagementTimeline(db, m.orgId, id),
    listEngaged(db, m.orgId, id, "opened", openPage),
    listEngaged(db, m.orgId, id, "clicked", clickPage),
  ]);
  const t = await getTranslations("reports");
  const format = await getFormatter();
  const base = `/${org}/campaigns/${id}/report`;
  const href = (op: number, cp: number) => `${base}?op=${op}&cp=${cp}`;
  const hourLabel = (d: Date) =>
    format.dateTime(d, { day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <div className="space-y-6">
      <AutoRefresh active={campaign.status === "sending"} intervalMs={5000} />
      <ReportHeader
        name={campaign.name}
        base={base}
        note={campaign.status === "sending" ? t("sending") : null}
        canExport={hasRole(m.role, "editor")}
      />
      <SummaryGrid summary={summary} trackOpens={campaign.trackOpens} />
      <Card title={t("chart.title")}>
        {timeline.length === 0 ? (
          <p className="text-sm text-slate-600">{t("chart.empty")}</p>
        ) : (
          <LineChart
            title={t("chart.title")}
            description={t("chart.description", {
              opens: summary.totalOpens,
              clicks: summary.totalClicks,
              hours: timeline.length,
            })}
            xLabel={t("chart.x")}
            yLabel={t("chart.y")}
            labels={timeline.map((p) => hourLabel(p.hour))}
            series={[
              {
                name: t("chart.opens"),
                className: "text-brand-600",
                values: timeline.map((p) => p.opens),
              },
              {
                name: t("chart.clicks"),
                className: "text-amber-600",
                values: timeline.map((p) => p.clicks),
              },
            ]}
            tableLabel={t("chart.table")}
          />
        )}
      </Card>
      <Card title={t("links.title")}>
        <LinkTable links={links} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("opened.title", { n: opened.total })}>
          <EngagedList
            org={org}
            list={opened}
            page={openPage}
            pages={Math.ceil(opened.total / PEOPLE_PAGE)}
            href={(p) => href(p, clickPage)}
            empty={t("opened.empty")}
          />
        </Card>
        <Card title={t("clicked.title", { n: clicked.total })}>
          <EngagedList
            org={org}
            list={clicked}
            page={clickPage}
            pages={Math.ceil(clicked.total / PEOPLE_PAGE)}
            href={(p) => href(openPage, p)}
            empty={t("clicked.empty")}
          />
        </Card>
      </div>
    </div>
  );
}
