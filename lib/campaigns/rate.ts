import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/**
 * The per-campaign rate limit (E8) as a sliding window: `quota` messages per `windowMs`. A
 * window of at least a minute keeps the count query rare; slow rates get longer windows
 * (30/h → one message per 2 minutes).
 */
export function rateWindow(ratePerHour: number): { windowMs: number; quota: number } {
  const windowMs = Math.max(60_000, Math.ceil(3_600_000 / ratePerHour));
  return { windowMs, quota: Math.max(1, Math.floor((ratePerHour * windowMs) / 3_600_000)) };
}

/**
 * How many more messages the campaign may send now, and when the window next frees up. Counts
 * messages sent within the window plus fresh claims in flight (queued, leased, no error yet),
 * so two runners together stay within the limit. (A retry in flight carries its previous
 * error and is not counted: at worst a retry goes out a window early.)
 */
export async function rateAllowance(
  db: Db,
  campaignId: string,
  ratePerHour: number | null,
): Promise<{ allowed: number; nextAt: Date | null }> {
  if (!ratePerHour) return { allowed: Number.POSITIVE_INFINITY, nextAt: null };
  const { windowMs, quota } = rateWindow(ratePerHour);
  const [r] = await queryRows<{ used: number; oldest: string | null }>(
    db,
    sql`select
          count(*) filter (where sent_at > now() - (${windowMs}::int * interval '1 millisecond')
            or (status = 'queued' and claimed_until > now() and error is null))::int as used,
          min(sent_at) filter (where sent_at > now() - (${windowMs}::int * interval '1 millisecond')) as oldest
        from deliveries
        where campaign_id = ${campaignId}::uuid
          and (sent_at > now() - (${windowMs}::int * interval '1 millisecond') or status = 'queued')`,
  );
  const used = Number(r?.used ?? 0);
  const allowed = Math.max(0, quota - used);
  const nextAt = r?.oldest ? new Date(new Date(r.oldest).getTime() + windowMs) : null;
  return { allowed, nextAt };
}
