import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/**
 * An SMS campaign's report (S1): what the gateway accepted, what the delivery reports say, what
 * it cost. Aggregated in SQL from the delivery rows; every read is scoped by (campaign,
 * organisation), so another organisation's campaign reads as empty (the page and export load
 * the campaign with `getReportCampaignOrThrow` first, which makes it NOT_FOUND).
 */

export type SmsReportSummary = {
  recipients: number;
  /** Accepted by the gateway (sent_at set), whatever the delivery report said later. */
  sent: number;
  delivered: number;
  failed: number;
  /** Failed before the gateway took them (invalid text, too many parts, retries exhausted). */
  failedAtSend: number;
  /** Queued: not handed to the gateway yet. */
  waitingToSend: number;
  /** Accepted by the gateway, no final delivery report yet. */
  waitingForReport: number;
  /** Delivered / sent, 0–1 (0 when nothing was sent). */
  deliveryRate: number;
  /** SMS parts the gateway sent, as billed. */
  parts: number;
  /** The organisation's price per part now, in cents. */
  partPriceCents: number;
  /** parts × price, in euros. */
  costEuros: number;
  /** Some message went out within the last hour and still waits for its delivery report. */
  expectingReports: boolean;
};

/** The report's counts, parts and cost in one aggregate read. */
export async function smsReportSummary(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<SmsReportSummary> {
  const [r] = await queryRows<Record<string, string | number | boolean | null>>(
    db,
    sql`select count(d.id)::int as recipients,
          count(d.sent_at)::int as sent,
          (count(d.id) filter (where d.status = 'delivered'))::int as delivered,
          (count(d.id) filter (where d.status = 'failed'))::int as failed,
          (count(d.id) filter (where d.status = 'failed' and d.sent_at is null))::int as failed_at_send,
          (count(d.id) filter (where d.status = 'queued'))::int as waiting_to_send,
          (count(d.id) filter (where d.status = 'sent'))::int as waiting_for_report,
          coalesce(sum(d.parts), 0)::int as parts,
          -- the price fixed when sending started; the current one before that
          coalesce(c.sms_part_price_cents, o.sms_part_price_cents)::text as price,
          -- numeric arithmetic: cents × parts without binary rounding, then euros
          (coalesce(sum(d.parts), 0) * coalesce(c.sms_part_price_cents, o.sms_part_price_cents)
            / 100)::text as cost,
          coalesce(bool_or(d.status = 'sent' and d.sent_at > now() - interval '1 hour'), false)
            as expecting_reports
        from organizations o
        left join campaigns c on c.org_id = o.id and c.id = ${campaignId}::uuid
        left join deliveries d on d.org_id = o.id and d.campaign_id = c.id
        where o.id = ${orgId}::uuid
        group by o.id, o.sms_part_price_cents, c.sms_part_price_cents`,
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  const sent = n("sent");
  const delivered = n("delivered");
  return {
    recipients: n("recipients"),
    sent,
    delivered,
    failed: n("failed"),
    failedAtSend: n("failed_at_send"),
    waitingToSend: n("waiting_to_send"),
    waitingForReport: n("waiting_for_report"),
    deliveryRate: sent > 0 ? delivered / sent : 0,
    parts: n("parts"),
    partPriceCents: n("price"),
    costEuros: Math.round(n("cost") * 10_000) / 10_000,
    expectingReports: r?.expecting_reports === true,
  };
}

export type FailureReason = { reason: string; count: number };

/**
 * The failed recipients grouped by reason, most common first (top `limit`). Reasons are the
 * stored error with whitespace collapsed and the retry count dropped ("… (gave up after 5
 * attempts)"), so the same cause is one line however many tries it took.
 */
export async function smsFailureReasons(
  db: Db,
  orgId: string,
  campaignId: string,
  limit = 10,
): Promise<FailureReason[]> {
  const rows = await queryRows<{ reason: string; n: number }>(
    db,
    sql`select reason, count(*)::int as n from (
          select regexp_replace(
                   regexp_replace(trim(coalesce(error, '')), '\\s+', ' ', 'g'),
                   ' \\(gave up after [0-9]+ attempts\\)$', '') as reason
          from deliveries
          where campaign_id = ${campaignId}::uuid and org_id = ${orgId}::uuid
            and status = 'failed'
        ) f
        group by reason order by n desc, reason limit ${limit}`,
  );
  return rows.map((r) => ({ reason: r.reason, count: Number(r.n) }));
}

export type SmsTimeline = {
  /** Bucket width in minutes: 5 when the activity spans under 3 hours, else 60. */
  stepMinutes: 5 | 60;
  points: { at: Date; sent: number; delivered: number }[];
};

/** Under this span of activity the chart uses 5-minute buckets instead of hours. */
const FINE_SPAN_MS = 3 * 3600_000;

/**
 * Messages sent and delivered per bucket, from the first send to the last send or delivery
 * report (at most 14 days), empty buckets included as zeros. Buckets are aligned on whole
 * hours / 5 minutes (Helsinki is a whole-hour offset from UTC).
 */
export async function smsTimeline(db: Db, orgId: string, campaignId: string): Promise<SmsTimeline> {
  const scope = sql`campaign_id = ${campaignId}::uuid and org_id = ${orgId}::uuid`;
  const [span] = await queryRows<{ a: string | Date | null; b: string | Date | null }>(
    db,
    sql`select min(sent_at) as a, greatest(max(sent_at), max(delivered_at)) as b
        from deliveries where ${scope} and sent_at is not null`,
  );
  if (!span?.a || !span.b) return { stepMinutes: 60, points: [] };
  const fine = new Date(span.b).getTime() - new Date(span.a).getTime() < FINE_SPAN_MS;
  const step = fine ? "5 minutes" : "1 hour";
  const bin = (col: string) =>
    sql`date_bin(${step}::interval, ${sql.raw(col)}, timestamptz '2000-01-01 00:00:00+00')`;
  const rows = await queryRows<{ at: string | Date; sent: number; delivered: number }>(
    db,
    sql`with ev as (
          select ${bin("sent_at")} as at, 's' as kind from deliveries
            where ${scope} and sent_at is not null
          union all
          select ${bin("delivered_at")}, 'd' from deliveries
            where ${scope} and delivered_at is not null
        ), span as (
          select min(at) as a, least(max(at), min(at) + interval '14 days') as b from ev
        )
        select g.at,
          (count(ev.kind) filter (where ev.kind = 's'))::int as sent,
          (count(ev.kind) filter (where ev.kind = 'd'))::int as delivered
        from span cross join lateral generate_series(span.a, span.b, ${step}::interval) as g(at)
        left join ev on ev.at = g.at
        group by g.at order by g.at`,
  );
  return {
    stepMinutes: fine ? 5 : 60,
    points: rows.map((r) => ({
      at: new Date(r.at),
      sent: Number(r.sent),
      delivered: Number(r.delivered),
    })),
  };
}

/**
 * A failure reason split for display: a delivery report's type (as `applyDeliveryReport`
 * writes it, "delivery report <type>: <SMSC reply>") and its detail; other reasons as they are.
 */
export function splitFailureReason(reason: string): { dlrType: number | null; detail: string } {
  const m = /^delivery report (\d{1,2}):\s*(.*)$/.exec(reason);
  return m ? { dlrType: Number(m[1]), detail: m[2]! } : { dlrType: null, detail: reason };
}
