import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import type { RateLimit } from "./rate-limit";

/**
 * Gives back the hit `enforceRateLimits` counted for these limits in the current window, for
 * limits that should count failures only (a successful sign-in does not use up an attempt).
 * Counting first and refunding on success keeps parallel guessing from slipping past the limit.
 */
export async function refundRateLimits(
  db: Db,
  limits: RateLimit[],
  now = new Date(),
): Promise<void> {
  for (const l of limits) {
    const windowMs = l.windowSeconds * 1000;
    const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    await db.execute(
      sql`update rate_limits set hits = greatest(hits - 1, 0) where key = ${l.key} and window_start = ${start.toISOString()}::timestamptz`,
    );
  }
}
