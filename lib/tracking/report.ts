import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { campaigns } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * A campaign's report (E11). Every figure is aggregated in SQL: unique counts from the
 * delivery rows' first-occurrence columns, totals from `email_events`. Every read is scoped by
 * organisation: another organisation's campaign is NOT_FOUND.
 */

export type ReportCampaign = {
  id: string;
  name: string;
  status: string;
  channel: "email" | "sms";
  registerId: string;
  trackOpens: boolean;
  trackClicks: boolean;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** The campaign of a report page, loaded by (id, organisation). */
export async function getReportCampaignOrThrow(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<ReportCampaign> {
  if (!/^[0-9a-f-]{36}$/i.test(campaignId)) throw new AppError("NOT_FOUND");
  const [c] = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      status: campaigns.status,
      channel: campaigns.channel,
      registerId: campaigns.registerId,
      trackOpens: campaigns.trackOpens,
      trackClicks: campaigns.trackClicks,
      startedAt: campaigns.startedAt,
      finishedAt: campaigns.finishedAt,
    })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.orgId, orgId)));
  if (!c) throw new AppError("NOT_FOUND");
  return c;
}

export type ReportSummary = {
  recipients: number;
  sent: number;
  delivered: number;
  failed: number;
  bouncedHard: number;
  bouncedSoft: number;
  complaints: number;
  uniqueOpens: number;
  totalOpens: number;
  uniqueClicks: number;
  totalClicks: number;
  unsubscribes: number;
};

/** The campaign's counts in two aggregate queries (deliveries, events). */
export async function reportSummary(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<ReportSummary> {
  const [[d], [e]] = await Promise.all([
    queryRows<Record<string, number>>(
      db,
      sql`select count(*)::int as recipients,
            count(sent_at)::int as sent,
            count(delivered_at)::int as delivered,
            (count(*) filter (where status = 'failed'))::int as failed,
            (count(*) filter (where bounce_kind = 'hard'))::int as bounced_hard,
            (count(*) filter (where bounce_kind = 'soft'))::int as bounced_soft,
            count(complained_at)::int as complaints,
            count(opened_at)::int as unique_opens,
            count(clicked_at)::int as unique_clicks,
            count(unsubscribed_at)::int as unsubscribes
          from deliveries where campaign_id = ${campaignId}::uuid and org_id = ${orgId}::uuid`,
    ),
    queryRows<Record<string, number>>(
      db,
      sql`select (count(*) filter (where type = 'open'))::int as total_opens,
            (count(*) filter (where type = 'click'))::int as total_clicks
          from email_events
          where campaign_id = ${campaignId}::uuid and org_id = ${orgId}::uuid
            and type in ('open', 'click')`,
    ),
  ]);
  const n = (v: unknown) => Number(v ?? 0);
  return {
    recipients: n(d?.recipients),
    sent: n(d?.sent),
    delivered: n(d?.delivered),
    failed: n(d?.failed),
    bouncedHard: n(d?.bounced_hard),
    bouncedSoft: n(d?.bounced_soft),
    complaints: n(d?.complaints),
    uniqueOpens: n(d?.unique_opens),
    totalOpens: n(e?.total_opens),
    uniqueClicks: n(d?.unique_clicks),
    totalClicks: n(e?.total_clicks),
    unsubscribes: n(d?.unsubscribes),
  };
}

/** A share as a fraction (0–1) of `of`, 0 when `of` is 0. */
export const rate = (n: number, of: number) => (of > 0 ? n / of : 0);

export type LinkClicks = { idx: number; label: string; url: string; total: number; unique: number };

/** Clicks per link of the campaign's message, in document order (links never clicked too). */
export async function clicksPerLink(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<LinkClicks[]> {
  const rows = await queryRows<LinkClicks>(
    db,
    sql`select cl.idx, cl.label, cl.url, count(e.id)::int as total,
          count(distinct e.delivery_id)::int as "unique"
        from campaign_links cl
        join campaigns c on c.id = cl.campaign_id and c.org_id = ${orgId}::uuid
        left join email_events e on e.campaign_id = cl.campaign_id and e.type = 'click'
          and e.link_idx = cl.idx
        where cl.campaign_id = ${campaignId}::uuid
        group by cl.idx, cl.label, cl.url order by cl.idx`,
  );
  return rows.map((r) => ({
    ...r,
    idx: Number(r.idx),
    total: Number(r.total),
    unique: Number(r.unique),
  }));
}

export type TimelinePoint = { hour: Date; opens: number; clicks: number };

/**
 * Opens and clicks per hour since the first event, hours without events included as zeros (at
 * most 14 days of hours, the busy time of a campaign).
 */
export async function engagementTimeline(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<TimelinePoint[]> {
  const rows = await queryRows<{ hour: string | Date; opens: number; clicks: number }>(
    db,
    sql`with ev as (
          select date_trunc('hour', occurred_at) as hour, type from email_events
          where campaign_id = ${campaignId}::uuid and org_id = ${orgId}::uuid
            and type in ('open', 'click')
        ), span as (select min(hour) as a, least(max(hour), min(hour) + interval '14 days') as b from ev)
        select h.hour,
          (count(ev.type) filter (where ev.type = 'open'))::int as opens,
          (count(ev.type) filter (where ev.type = 'click'))::int as clicks
        from span cross join lateral generate_series(span.a, span.b, interval '1 hour') as h(hour)
        left join ev on ev.hour = h.hour
        group by h.hour order by h.hour`,
  );
  return rows.map((r) => ({
    hour: new Date(r.hour),
    opens: Number(r.opens),
    clicks: Number(r.clicks),
  }));
}
