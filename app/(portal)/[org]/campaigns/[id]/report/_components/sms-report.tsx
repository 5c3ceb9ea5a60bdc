import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { smsFailureReasons, smsReportSummary, smsTimeline } from "@/lib/sms/campaign-report";
import { listSmsRecipients, parseSmsStatusFilter } from "@/lib/sms/campaign-report-rows";
import type { ReportCampaign } from "@/lib/tracking/report";
import { LineChart } from "@/components/charts/line-chart";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { Card } from "@/components/ui/card";
import { ReportHeader } from "./report-header";
import { SmsFailures } from "./sms-failures";
import { SmsRecipients } from "./sms-recipients";
import { SmsSummary } from "./sms-summary";

/**
 * An SMS campaign's report (S1): counts, parts and cost; sends and deliveries over time;
 * failures by reason; every recipient with a status filter. The campaign was loaded org-scoped
 * by the page; every read here is scoped by the same organisation. The page refreshes itself
 * while sending and while delivery reports are still expected.
 */
export async function SmsReport({
  org,
  orgId,
  campaign,
  canExport,
  status: rawStatus,
  page,
}: {
  org: string;
  orgId: string;
  campaign: ReportCampaign;
  canExport: boolean;
  status: string | undefined;
  page: number;
}) {
  const db = await getDb();
  const status = parseSmsStatusFilter(rawStatus);
  const [summary, failures, timeline, list] = await Promise.all([
    smsReportSummary(db, orgId, campaign.id),
    smsFailureReasons(db, orgId, campaign.id),
    smsTimeline(db, orgId, campaign.id),
    listSmsRecipients(db, orgId, campaign.id, { status, page }),
  ]);
  const t = await getTranslations("reports");
  const format = await getFormatter();
  const base = `/${org}/campaigns/${campaign.id}/report`;
  const sending = campaign.status === "sending";
  // Reports usually arrive within minutes: the page follows them for an hour after a send.
  const awaitingReports = summary.expectingReports;
  const chartTitle = t(timeline.stepMinutes === 5 ? "sms.chart.titleFine" : "sms.chart.title");
  const label = (d: Date) =>
    format.dateTime(d, { day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <div className="space-y-6">
      <AutoRefresh active={sending || awaitingReports} intervalMs={5000} />
      <ReportHeader
        name={campaign.name}
        base={base}
        note={sending ? t("sending") : awaitingReports ? t("sms.awaitingReports") : null}
        canExport={canExport}
      />
      <SmsSummary summary={summary} />
      <Card title={chartTitle}>
        {timeline.points.length === 0 ? (
          <p className="text-sm text-slate-600">{t("sms.chart.empty")}</p>
        ) : (
          <LineChart
            title={chartTitle}
            description={t("sms.chart.description", {
              sent: summary.sent,
              delivered: summary.delivered,
              from: label(timeline.points[0]!.at),
              to: label(timeline.points[timeline.points.length - 1]!.at),
            })}
            xLabel={t("sms.chart.x")}
            yLabel={t("sms.chart.y")}
            labels={timeline.points.map((p) => label(p.at))}
            series={[
              {
                name: t("sms.chart.sent"),
                className: "text-brand-600",
                values: timeline.points.map((p) => p.sent),
              },
              {
                name: t("sms.chart.delivered"),
                className: "text-emerald-600",
                values: timeline.points.map((p) => p.delivered),
              },
            ]}
            tableLabel={t("chart.table")}
          />
        )}
      </Card>
      <Card title={t("sms.failures.title", { n: summary.failed })}>
        <SmsFailures failures={failures} />
      </Card>
      <Card title={t("sms.recipients.title", { n: summary.recipients })}>
        <SmsRecipients
          org={org}
          base={base}
          list={list}
          status={status}
          page={page}
          counts={{
            all: summary.recipients,
            queued: summary.waitingToSend,
            sent: summary.waitingForReport,
            delivered: summary.delivered,
            failed: summary.failed,
          }}
        />
      </Card>
    </div>
  );
}
