import type { Db } from "@/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { LocalRunner } from "./runner";
import { runTick } from "./tick";

const g = globalThis as unknown as { __vkJobs?: { runner: LocalRunner; timer: NodeJS.Timeout } };

/**
 * Starts the local runner and the minute tick in this process (embedded default). With Inngest
 * configured, Inngest runs the handlers and the cron tick instead, and this does nothing.
 */
export function startLocalJobs(db: Db) {
  const e = env();
  if (e.jobsKind !== "local" || e.JOBS_RUNNER === "off" || g.__vkJobs) return;
  const runner = new LocalRunner({
    db,
    concurrency: e.JOBS_CONCURRENCY,
    pollMs: e.JOBS_POLL_MS,
    claimSeconds: e.JOBS_CLAIM_SECONDS,
  });
  runner.start();
  const tick = () =>
    void runTick(db, new Date(), { vacuum: e.dbKind === "pglite" }).catch((err) =>
      log.error({ err }, "tick failed"),
    );
  // Align to the start of each minute (Europe/Helsinki minutes are UTC minutes).
  const timer = setTimeout(
    function next() {
      tick();
      g.__vkJobs!.timer = setTimeout(next, 60_000 - (Date.now() % 60_000));
    },
    60_000 - (Date.now() % 60_000),
  );
  timer.unref();
  g.__vkJobs = { runner, timer };
  log.info({ worker: runner.workerId }, "local job runner started");
}

/** Stops the local runner, letting handlers in flight finish (graceful shutdown). */
export async function stopLocalJobs() {
  const j = g.__vkJobs;
  if (!j) return;
  clearTimeout(j.timer);
  await j.runner.stop();
  g.__vkJobs = undefined;
}
