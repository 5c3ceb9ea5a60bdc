import { getDbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import { ConfigError, env } from "@/lib/env";
import { onJobsEnqueued } from "@/lib/jobs/wake";
import { relayOutbox } from "@/lib/jobs/relay";
import { startLocalJobs, stopLocalJobs } from "@/lib/jobs/start";
import { log } from "@/lib/log";

/** Start-up of a server process. A bad configuration ends the process with the reason. */
export async function boot() {
  let e;
  try {
    e = env();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const handle = await getDbHandle();
  try {
    await migrateDb(handle);
  } catch (err) {
    console.error(
      `\nCannot open or migrate the database (${e.dbKind}): ${(err as Error).message}\n`,
    );
    process.exit(1);
  }
  if (e.SEED_DEMO || (e.dbKind === "pglite" && process.env.SEED_DEMO === undefined)) {
    await seedDemo(handle.db);
  }
  if (e.jobsKind === "local") startLocalJobs(handle.db);
  else
    onJobsEnqueued(
      () => void relayOutbox(handle.db).catch((err) => log.error({ err }, "outbox relay failed")),
    );
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stopLocalJobs().finally(() => process.exit(0));
    });
  }
  log.info(
    { db: e.dbKind, jobs: e.jobsKind, email: e.EMAIL_TRANSPORT, sms: e.SMS_GATEWAY },
    "viestikone started",
  );
}
