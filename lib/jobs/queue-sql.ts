import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

export type ClaimedJob = {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
};
export type Fence = { id: number; attempts: number };

/**
 * Claims up to `limit` due jobs: queued ones whose time has come and running ones whose claim
 * expired (their worker died). SKIP LOCKED lets many workers claim side by side.
 */
export async function claimJobs(
  db: Db,
  workerId: string,
  limit: number,
  claimSeconds: number,
  /** Jobs of the previous batch to mark done in the same round trip (fenced as completeJobs). */
  done: Fence[] = [],
): Promise<ClaimedJob[]> {
  // Two separate lock steps, each walking its own partial index in order: one OR'ed condition
  // would make PostgreSQL read and sort every queued row before locking (5x slower at 100k).
  const rows = await queryRows<{
    id: string | number;
    name: string;
    payload: unknown;
    attempts: number;
    max_attempts: number;
  }>(
    db,
    sql`
    with ${done.length ? sql`completed as (${completeSql(done)}),` : sql``}
    due as (
      select id from jobs where status = 'queued' and run_at <= now()
      order by run_at, id limit ${limit} for update skip locked),
    expired as (
      select id from jobs where status = 'running' and claimed_until < now()
      order by claimed_until limit ${limit} for update skip locked)
    update jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
      claimed_until = now() + make_interval(secs => ${claimSeconds})
    where id in (select id from due union all select id from expired)
    returning id, name, payload, attempts, max_attempts`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    payload: typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
  }));
}

// Fences travel as one JSON parameter: the same SQL runs on PGlite, node-postgres and Neon.
const fenceSql = (fences: Fence[]) => sql`(id, attempts) in (
  select (f->>'id')::bigint, (f->>'attempts')::int from jsonb_array_elements(${JSON.stringify(fences)}::jsonb) f)`;

// A join on the primary key: the planner looks each row up instead of scanning every running
// (or dead) entry of the running index. Only a claim that is still ours (same attempt) counts.
const completeSql = (fences: Fence[]) => sql`update jobs j
    set status = 'done', finished_at = now(), claimed_until = null
    from (select (f->>'id')::bigint as id, (f->>'attempts')::int as attempts
          from jsonb_array_elements(${JSON.stringify(fences)}::jsonb) f) done
    where j.id = done.id and j.attempts = done.attempts and j.status = 'running'`;

/** Marks claimed jobs done, only if the claim is still ours (same attempt number). */
export async function completeJobs(db: Db, fences: Fence[]): Promise<void> {
  if (fences.length === 0) return;
  await db.execute(completeSql(fences));
}

/** Records a failure: back to the queue after `delayMs`, or `failed` for good when `final`. */
export async function failJob(
  db: Db,
  fence: Fence,
  error: string,
  final: boolean,
  delayMs: number,
): Promise<void> {
  await db.execute(sql`update jobs set
      status = ${final ? "failed" : "queued"}::job_status,
      last_error = ${error.slice(0, 4000)},
      run_at = now() + make_interval(secs => ${delayMs / 1000}),
      claimed_until = null, locked_by = null,
      finished_at = ${final ? sql`now()` : sql`null`}
    where status = 'running' and ${fenceSql([fence])}`);
}

/** Extends the claims of jobs still running (heartbeat of long handlers). */
export async function extendClaims(db: Db, fences: Fence[], claimSeconds: number): Promise<void> {
  if (fences.length === 0) return;
  await db.execute(sql`update jobs set claimed_until = now() + make_interval(secs => ${claimSeconds})
    where status = 'running' and ${fenceSql(fences)}`);
}

/** Deletes finished jobs older than `days` (the tick keeps the table small). */
export async function pruneJobs(db: Db, days: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with d as (
      delete from jobs where status = 'done' and finished_at < now() - make_interval(days => ${days}) returning 1)
    select count(*)::int as n from d`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * PGlite runs no autovacuum: without this, dead rows of finished jobs pile up in the queue's
 * indexes and every claim gets slower. PostgreSQL's autovacuum does this on its own.
 */
export async function vacuumJobs(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze) jobs`);
}
