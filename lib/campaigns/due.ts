import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { enqueueMany } from "@/lib/jobs/enqueue";
import { quietHoursEnd } from "./helsinki-time";

/** A sending campaign untouched this long, with claimable deliveries, has lost its runner. */
export const STALL_MS = 120_000;

/**
 * The tick's part of dispatch (E7, E8, S1): emits `campaign/send.requested` for every scheduled
 * campaign (e-mail or SMS) whose minute has come and every sending one that stalled (its runner crashed:
 * no heartbeat for STALL_MS while deliveries are claimable), except during its quiet hours.
 * One event per campaign per minute (deduplicated); a duplicate run is harmless anyway.
 */
export async function emitDueCampaigns(db: Db, now = new Date()): Promise<number> {
  const rows = await queryRows<{
    id: string;
    org_id: string;
    status: string;
    quiet_start_hour: number | null;
    quiet_end_hour: number | null;
  }>(
    db,
    sql`select id, org_id, status, quiet_start_hour, quiet_end_hour from campaigns c
        where (
          (c.status = 'scheduled' and c.scheduled_at <= ${now.toISOString()}::timestamptz)
          or (c.status = 'sending'
              and c.updated_at < ${new Date(now.getTime() - STALL_MS).toISOString()}::timestamptz
              and exists (select 1 from deliveries d
                          where d.campaign_id = c.id and d.status = 'queued'
                            and (d.claimed_until is null or d.claimed_until < now()))))
        limit 1000`,
  );
  const due = rows.filter(
    (r) => r.status === "scheduled" || !quietHoursEnd(now, r.quiet_start_hour, r.quiet_end_hour),
  );
  const minute = now.toISOString().slice(0, 16);
  await enqueueMany(
    db,
    "campaign/send.requested",
    due.map((r) => ({ orgId: r.org_id, campaignId: r.id })),
    due.map((r) => `${r.id}:tick:${minute}`),
  );
  return due.length;
}
