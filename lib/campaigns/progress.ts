import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { quietHoursEnd } from "./helsinki-time";
import type { Campaign } from "./queries";

/** How far back the sending rate is measured for the ETA. */
const RATE_WINDOW_MIN = 5;

export type CampaignProgress = {
  recipients: number;
  queued: number;
  /** Accepted by the provider (sent, delivered or bounced later). */
  sent: number;
  failed: number;
  /** Messages per minute over the last few minutes (0 when nothing went out lately). */
  perMinute: number;
  /** When the rest should be out at the current rate (null when unknown or done). */
  etaAt: Date | null;
  /** Set while quiet hours hold the messages: when they may go again. */
  heldUntil: Date | null;
  /** Queued messages waiting to be retried after a failed attempt (gateway down, timeout …). */
  retrying: number;
  /** The latest such failure as the transport reported it (technical, not translated). */
  retryError: string | null;
};

/**
 * Live progress of a campaign (E8) for its page: counts per state from the deliveries (one
 * indexed read), the recent sending rate, and an ETA from that rate (or the rate limit when
 * nothing went out yet), pushed past quiet hours. Caller has loaded the campaign org-scoped.
 */
export async function campaignProgress(
  db: Db,
  c: Campaign,
  now = new Date(),
): Promise<CampaignProgress> {
  const [r] = await queryRows<{
    queued: number;
    sent: number;
    failed: number;
    recent: number;
    retrying: number;
    retry_error: string | null;
  }>(
    db,
    sql`select
          count(*) filter (where status = 'queued')::int as queued,
          count(*) filter (where status = 'queued' and error is not null
                             and claimed_until > now())::int as retrying,
          max(error) filter (where status = 'queued' and error is not null
                             and claimed_until > now()) as retry_error,
          count(*) filter (where status in ('sent', 'delivered', 'bounced'))::int as sent,
          count(*) filter (where status = 'failed')::int as failed,
          count(*) filter (where sent_at > now() - (${RATE_WINDOW_MIN}::int * interval '1 minute'))::int as recent
        from deliveries where campaign_id = ${c.id}::uuid and org_id = ${c.orgId}::uuid`,
  );
  const queued = Number(r?.queued ?? 0);
  const recent = Number(r?.recent ?? 0);
  const measured = recent / RATE_WINDOW_MIN;
  const limit = c.ratePerHour ? c.ratePerHour / 60 : null;
  const perMinute = measured > 0 ? measured : 0;
  const basis = measured > 0 ? measured : limit;
  const heldUntil =
    c.status === "sending" ? quietHoursEnd(now, c.quietStartHour, c.quietEndHour) : null;
  const start = heldUntil ?? now;
  const etaAt =
    queued > 0 && basis && (c.status === "sending" || c.status === "scheduled")
      ? new Date(start.getTime() + (queued / basis) * 60_000)
      : null;
  return {
    recipients: c.recipients ?? 0,
    queued,
    sent: Number(r?.sent ?? 0),
    failed: Number(r?.failed ?? 0),
    perMinute: Math.round(perMinute * 10) / 10,
    etaAt,
    heldUntil,
    retrying: Number(r?.retrying ?? 0),
    retryError: r?.retry_error ?? null,
  };
}
