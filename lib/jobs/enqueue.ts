import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { parseEvent, type EventData, type EventName } from "@/inngest/events";
import { jobsByEvent } from "@/inngest/jobs";
import { wakeJobs } from "./wake";

export type EnqueueOptions = {
  /** Same (event, dedupeKey) twice is stored once: a retried request cannot double a job. */
  dedupeKey?: string;
  runAt?: Date;
};

/**
 * Persists an event in the `jobs` table. Pass the transaction of the change that causes it so
 * both commit or neither does. The local runner (or the Inngest relay) picks it up.
 */
export async function enqueue<N extends EventName>(
  db: Db,
  name: N,
  data: EventData<N>,
  opts: EnqueueOptions = {},
): Promise<void> {
  await enqueueMany(db, name, [data], opts.dedupeKey ? [opts.dedupeKey] : undefined, opts.runAt);
}

/** Persists many events of one kind in one INSERT (fan-out). */
export async function enqueueMany<N extends EventName>(
  db: Db,
  name: N,
  payloads: EventData<N>[],
  dedupeKeys?: string[],
  runAt?: Date,
): Promise<void> {
  if (payloads.length === 0) return;
  const def = jobsByEvent.get(name);
  const maxAttempts = (def?.retries ?? 4) + 1;
  const rows = payloads.map((p, i) => ({ p: parseEvent(name, p), k: dedupeKeys?.[i] ?? null }));
  // One JSON parameter per chunk: the same SQL on every driver, and far cheaper to build than a
  // 13-column multi-row VALUES list (100k jobs enqueue in ~1.5 s instead of ~11 s).
  for (let i = 0; i < rows.length; i += 1000) {
    await db.execute(sql`
      insert into jobs (name, payload, max_attempts, dedupe_key, run_at)
      select ${name}, x->'p', ${maxAttempts}, x->>'k', coalesce(${runAt?.toISOString() ?? null}::timestamptz, now())
      from jsonb_array_elements(${JSON.stringify(rows.slice(i, i + 1000))}::jsonb) x
      on conflict (name, dedupe_key) where dedupe_key is not null do nothing`);
  }
  wakeJobs();
}

/** Counts of jobs by status (operations view and tests). */
export async function jobCounts(db: Db): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    db,
    sql`select status::text as status, count(*)::int as n from jobs group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Counts of one organisation's jobs by status (jobs carry `orgId` in their payload). */
export async function orgJobCounts(db: Db, orgId: string): Promise<Record<string, number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    db,
    sql`select status::text as status, count(*)::int as n from jobs where payload->>'orgId' = ${orgId} group by status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
