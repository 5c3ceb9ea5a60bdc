import type { Db } from "@/db";
import { emitDueCampaigns } from "@/lib/campaigns/due";
import { pruneExpiredFiles } from "@/lib/files/store";
import { log } from "@/lib/log";
import { pruneRateLimits } from "@/lib/security/rate-limit";
import { pruneJobs, vacuumJobs } from "./queue-sql";

/**
 * The minute tick: finds time-based work due now and fans it out as events. Stalled work needs
 * no special case here: expired job claims are claimed again by the runner's own query.
 * Scheduled and stalled e-mail campaigns are found here (lib/campaigns/due.ts). Later issues
 * add newsletter composition, reminders and waitlist offers.
 */
export async function runTick(
  db: Db,
  now = new Date(),
  opts: { vacuum?: boolean } = {},
): Promise<{ pruned: number; campaigns: number }> {
  const campaigns = await emitDueCampaigns(db, now);
  if (campaigns > 0) log.info({ campaigns }, "tick requested campaign sends");
  const pruned = await pruneJobs(db, 7);
  await pruneRateLimits(db);
  const files = await pruneExpiredFiles(db, now);
  if (files > 0) log.info({ files }, "tick removed expired files");
  if (opts.vacuum) await vacuumJobs(db);
  if (pruned > 0) log.info({ pruned, at: now.toISOString() }, "tick pruned finished jobs");
  return { pruned, campaigns };
}
