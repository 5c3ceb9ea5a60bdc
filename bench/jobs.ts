/**
 * Jobs benchmark: throughput of the local runner against a raw SKIP LOCKED loop on the same
 * database. `npm run bench -- jobs [--n=100000] [--runners=2]`
 *
 *   ours       enqueueMany(N × system/ping), then `runners` LocalRunners (concurrency 8, batch
 *              200) draining side by side; time = enqueue + drain.
 *   reference  plain SQL on table bench_raw_jobs: multi-row INSERTs of 1000, then `runners`
 *              loops of "claim 200 (FOR UPDATE SKIP LOCKED) → mark done"; time = insert + loop.
 *
 * Database: PostgreSQL when DATABASE_URL is set (a throwaway database vk_bench_<random> is
 * created from it and dropped at the end), otherwise PGlite in a fresh temporary directory.
 * Last line: `jobs: ours=<jobs/s> reference=<jobs/s> ratio=<ours/reference> target=0.5`.
 */
import os from "node:os";
import type { DbHandle } from "@/db";
import { machineLine, parseCounts } from "./lib/args";
import { openBenchDb } from "./lib/bench-db";

const TARGET = 0.5;
const CONCURRENCY = 8;
const BATCH = 200;
const CHUNK = 1000;

type Rows = { rows: Record<string, unknown>[] };
type RawQuery = (text: string, params?: unknown[]) => Promise<Rows>;

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The driver itself, no Drizzle: node-postgres Pool and PGlite both answer query(text, params). */
function rawQuery(handle: DbHandle): RawQuery {
  const client = handle.raw as { query: (text: string, params?: unknown[]) => Promise<Rows> };
  return (text, params) => client.query(text, params);
}

async function runOurs(handle: DbHandle, n: number, runners: number) {
  const { enqueueMany } = await import("@/lib/jobs/enqueue");
  const { LocalRunner } = await import("@/lib/jobs/runner");
  const payloads = Array.from({ length: n }, (_, i) => ({ n: i }));
  const t0 = performance.now();
  await enqueueMany(handle.db, "system/ping", payloads);
  const t1 = performance.now();
  const pool = Array.from(
    { length: runners },
    () => new LocalRunner({ db: handle.db, concurrency: CONCURRENCY, batchSize: BATCH }),
  );
  const processed = (await Promise.all(pool.map((r) => r.drain()))).reduce((a, b) => a + b, 0);
  const t2 = performance.now();
  return { enqueueMs: t1 - t0, drainMs: t2 - t1, totalMs: t2 - t0, processed };
}

async function runReference(q: RawQuery, n: number, loops: number) {
  await q(
    `create table bench_raw_jobs (id bigserial primary key, payload jsonb, status text, claimed_until timestamptz)`,
  );
  // The reference is good hand-written SQL: a partial index so claims skip finished rows.
  await q(`create index bench_raw_jobs_queued on bench_raw_jobs (id) where status = 'queued'`);
  const t0 = performance.now();
  for (let start = 0; start < n; start += CHUNK) {
    const size = Math.min(CHUNK, n - start);
    const values = Array.from({ length: size }, (_, i) => `($${i + 1}::jsonb, 'queued')`).join(",");
    const params = Array.from({ length: size }, (_, i) => JSON.stringify({ n: start + i }));
    await q(`insert into bench_raw_jobs (payload, status) values ${values}`, params);
  }
  const t1 = performance.now();
  let processed = 0;
  const loop = async () => {
    for (;;) {
      const { rows } =
        await q(`update bench_raw_jobs set status = 'running', claimed_until = now() + interval '120 seconds'
        where id in (select id from bench_raw_jobs where status = 'queued' order by id limit ${BATCH} for update skip locked)
        returning id`);
      if (rows.length === 0) return;
      await q(
        `update bench_raw_jobs set status = 'done', claimed_until = null where id = any($1::bigint[])`,
        [`{${rows.map((r) => String(r.id)).join(",")}}`],
      );
      processed += rows.length;
    }
  };
  await Promise.all(Array.from({ length: loops }, loop));
  const t2 = performance.now();
  return { enqueueMs: t1 - t0, drainMs: t2 - t1, totalMs: t2 - t0, processed };
}

async function statusCounts(q: RawQuery, table: string): Promise<Record<string, number>> {
  const { rows } = await q(
    `select status::text as status, count(*)::int as n from ${table} group by status order by status`,
  );
  return Object.fromEntries(rows.map((r) => [String(r.status), Number(r.n)]));
}

/** Exactly `n` rows, all done. */
function checkCounts(what: string, counts: Record<string, number>, n: number): boolean {
  const ok = Object.keys(counts).length === 1 && counts.done === n;
  if (!ok)
    console.error(
      `${what}: WRONG job counts, expected { done: ${n} }, got ${JSON.stringify(counts)}`,
    );
  return ok;
}

export async function main(args: string[]): Promise<number> {
  // Before any app module loads: the pino logger reads LOG_LEVEL when it is created.
  process.env.LOG_LEVEL = "silent";
  // Two runners side by side drain faster than one (the claim query of one overlaps the
  // handlers and completion of the other); the reference gets as many loops. --runners=1 to compare.
  const { n, runners } = parseCounts(args, { n: 100_000, runners: 2 });

  console.log(machineLine());
  console.log(`runtime: node ${process.version} on ${os.platform()} ${os.release()}`);

  const bench = await openBenchDb();
  let code = 0;
  try {
    const q = rawQuery(bench.handle);
    console.log(`database: ${bench.label}`);
    console.log(
      `N: ${n} jobs; ${runners} runner(s) side by side (concurrency ${CONCURRENCY}, batch ${BATCH}); reference: ${runners} loop(s), batch ${BATCH}`,
    );

    const ours = await runOurs(bench.handle, n, runners);
    const oursCounts = await statusCounts(q, "jobs");
    if (!checkCounts("ours", oursCounts, n)) code = 1;
    console.log(
      `ours:      enqueue ${secs(ours.enqueueMs)} + drain ${secs(ours.drainMs)} = ${secs(ours.totalMs)} → ${rate(n, ours.totalMs)} jobs/s ` +
        `(drain alone ${rate(n, ours.drainMs)} jobs/s; runner reported ${ours.processed}; ${JSON.stringify(oursCounts)})`,
    );

    const ref = await runReference(q, n, runners);
    const refCounts = await statusCounts(q, "bench_raw_jobs");
    if (!checkCounts("reference", refCounts, n)) code = 1;
    console.log(
      `reference: insert ${secs(ref.enqueueMs)} + loop ${secs(ref.drainMs)} = ${secs(ref.totalMs)} → ${rate(n, ref.totalMs)} jobs/s ` +
        `(loop alone ${rate(n, ref.drainMs)} jobs/s; ${JSON.stringify(refCounts)})`,
    );

    const o = rate(n, ours.totalMs);
    const r = rate(n, ref.totalMs);
    console.log(
      `jobs: ours=${o} reference=${r} ratio=${(n / ours.totalMs / (n / ref.totalMs)).toFixed(2)} target=${TARGET}`,
    );
  } finally {
    await bench.dispose();
  }
  return code;
}
