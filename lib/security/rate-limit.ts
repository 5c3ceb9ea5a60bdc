import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { AppError } from "@/lib/errors";

export type RateLimit = { key: string; limit: number; windowSeconds: number };

/**
 * Counts one hit against each limit (fixed windows in the database, so every server process
 * shares them) and throws RATE_LIMITED with the minutes to wait when any is exceeded.
 */
export async function enforceRateLimits(
  db: Db,
  limits: RateLimit[],
  now = new Date(),
): Promise<void> {
  for (const l of limits) {
    const windowMs = l.windowSeconds * 1000;
    const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const [row] = await queryRows<{ hits: number }>(
      db,
      sql`insert into rate_limits (key, window_start, hits) values (${l.key}, ${start.toISOString()}::timestamptz, 1)
          on conflict (key, window_start) do update set hits = rate_limits.hits + 1
          returning hits`,
    );
    if (Number(row?.hits ?? 0) > l.limit) {
      const minutes = Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 60_000));
      throw new AppError("RATE_LIMITED", {
        userMessage: `errors.RATE_LIMITED_MINUTES|minutes=${minutes}`,
      });
    }
  }
}

/** Forgets rate-limit windows that ended more than a day ago (called by the minute tick). */
export async function pruneRateLimits(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
}
