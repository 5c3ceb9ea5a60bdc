import type { Db } from "@/db";
import { inngest } from "@/inngest/client";
import { claimJobs, completeJobs, failJob } from "./queue-sql";

type Send = (events: { id: string; name: string; data: unknown }[]) => Promise<unknown>;

/**
 * With Inngest configured the `jobs` table is an outbox: events committed with their change
 * are relayed to Inngest here. Each carries the id `job-<row id>`, which Inngest deduplicates,
 * so a relay that dies between sending and marking done cannot double an event.
 */
export async function relayOutbox(
  db: Db,
  send: Send = (evs) => inngest.send(evs),
  batch = 200,
): Promise<number> {
  let total = 0;
  for (;;) {
    const claimed = await claimJobs(db, `relay-${process.pid}`, batch, 60);
    if (claimed.length === 0) return total;
    try {
      await send(claimed.map((j) => ({ id: `job-${j.id}`, name: j.name, data: j.payload })));
    } catch (err) {
      // Give the rows back at once (with backoff) rather than holding them until the claim expires.
      for (const j of claimed)
        await failJob(db, { id: j.id, attempts: j.attempts }, String(err), false, 5_000).catch(
          () => {},
        );
      throw err;
    }
    await completeJobs(
      db,
      claimed.map((j) => ({ id: j.id, attempts: j.attempts })),
    );
    total += claimed.length;
  }
}
