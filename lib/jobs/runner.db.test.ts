import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "@/db/seed/test-db";
import { queryRows, type DbHandle } from "@/db";
import { defineJob, PermanentJobError, type JobDefinition } from "@/inngest/define";
import { enqueue, jobCounts } from "./enqueue";
import { claimJobs } from "./queue-sql";
import { LocalRunner } from "./runner";

let h: DbHandle & { dispose: () => Promise<void> };
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const rowsOf = async (name: string) =>
  queryRows<{
    id: number;
    status: string;
    attempts: number;
    last_error: string | null;
    run_at: string;
    delay_ms: number;
  }>(
    h.db,
    sql`select id, status::text as status, attempts, last_error, run_at, extract(epoch from (run_at - now())) * 1000 as delay_ms
          from jobs where payload->>'tag' = ${name} order by id`,
  );

/** A registry with one handler for system/ping, under test control. */
function registry(handler: JobDefinition["handler"], retries = 2) {
  return new Map<string, JobDefinition>([
    [
      "system/ping",
      defineJob({ id: "t", event: "system/ping", retries, handler }) as JobDefinition,
    ],
  ]);
}

// Each test tags its own jobs (the handlers ignore the tag) and allows them three attempts,
// as a job defined with `retries: 2` would get.
const tagged = async (tag: string, n = 1) => {
  for (let i = 0; i < n; i++)
    await enqueue(h.db, "system/ping", { n: i }, { dedupeKey: `${tag}-${i}` });
  await h.db.execute(
    sql`update jobs set max_attempts = 3, payload = payload || jsonb_build_object('tag', ${tag}::text) where dedupe_key like ${tag + "-%"}`,
  );
};

describe("local runner", () => {
  it("runs every job exactly once, and a repeated dedupe key is stored once", async () => {
    const seen: number[] = [];
    await tagged("once", 50);
    await enqueue(h.db, "system/ping", { n: 0 }, { dedupeKey: "once-0" });
    const a = new LocalRunner({
      db: h.db,
      registry: registry(async (d) => void seen.push((d as { n: number }).n)),
      batchSize: 7,
      concurrency: 3,
    });
    const b = new LocalRunner({
      db: h.db,
      registry: registry(async (d) => void seen.push((d as { n: number }).n)),
      batchSize: 5,
      concurrency: 2,
    });
    await Promise.all([a.drain(), b.drain()]);
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect((await rowsOf("once")).every((r) => r.status === "done")).toBe(true);
  });

  it("retries a failing handler with exponential backoff and records the final failure", async () => {
    await tagged("fail");
    let calls = 0;
    const failing = registry(async () => {
      calls++;
      throw new Error(`boom ${calls}`);
    });
    const slow = new LocalRunner({ db: h.db, registry: failing });
    await slow.runOnce();
    let [row] = await rowsOf("fail");
    expect(row!.status).toBe("queued");
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toContain("boom 1");
    expect(Number(row!.delay_ms)).toBeGreaterThan(500); // ~1 s after the first failure
    expect(await slow.runOnce()).toBe(0); // not due yet

    // Let the clock pass the backoff and finish the remaining attempts.
    await h.db.execute(sql`update jobs set run_at = now() where payload->>'tag' = 'fail'`);
    const fast = new LocalRunner({ db: h.db, registry: failing, backoffMs: () => 0 });
    await fast.drain();
    [row] = await rowsOf("fail");
    expect(calls).toBe(3); // retries: 2 → three attempts
    expect(row!.status).toBe("failed");
    expect(row!.last_error).toContain("boom 3");
  });

  it("fails a permanent error at once without retrying", async () => {
    await tagged("perm");
    let calls = 0;
    const r = new LocalRunner({
      db: h.db,
      registry: registry(async () => {
        calls++;
        throw new PermanentJobError("bad address");
      }, 5),
    });
    await r.drain();
    const [row] = await rowsOf("perm");
    expect(calls).toBe(1);
    expect(row!.status).toBe("failed");
    expect(row!.last_error).toContain("bad address");
  });

  it("a job claimed by a crashed worker is claimed again after the claim expires, and runs once", async () => {
    await tagged("crash");
    const started: string[] = [];
    const hang = new LocalRunner({
      db: h.db,
      workerId: "doomed",
      claimSeconds: 60,
      registry: registry(async () => {
        started.push("doomed");
        await new Promise(() => {}); // never finishes: the process "dies" with the job claimed
      }),
    });
    void hang.runOnce();
    await expect.poll(() => started.length).toBe(1);
    hang.crash();

    const finished: string[] = [];
    const survivor = new LocalRunner({
      db: h.db,
      registry: registry(async () => void finished.push("survivor")),
    });
    expect(await survivor.drain()).toBe(0); // the claim is still valid: nobody else may run it
    let [row] = await rowsOf("crash");
    expect(row!.status).toBe("running");

    await h.db.execute(
      sql`update jobs set claimed_until = now() - interval '1 second' where payload->>'tag' = 'crash'`,
    );
    await survivor.drain();
    [row] = await rowsOf("crash");
    expect(finished).toEqual(["survivor"]);
    expect(row!.status).toBe("done");
    expect(row!.attempts).toBe(2);
    expect((await jobCounts(h.db)).running ?? 0).toBe(0);
  });

  it("a job whose worker died on its final attempt is failed, not run again", async () => {
    await tagged("poison");
    await h.db.execute(sql`update jobs set max_attempts = 1 where payload->>'tag' = 'poison'`);
    const doomed = new LocalRunner({ db: h.db, registry: registry(() => new Promise(() => {})) });
    void doomed.runOnce();
    await expect.poll(async () => (await rowsOf("poison"))[0]!.status).toBe("running");
    doomed.crash();
    await h.db.execute(
      sql`update jobs set claimed_until = now() - interval '1 second' where payload->>'tag' = 'poison'`,
    );
    let ran = false;
    await new LocalRunner({ db: h.db, registry: registry(async () => void (ran = true)) }).drain();
    const [row] = await rowsOf("poison");
    expect(ran).toBe(false);
    expect(row!.status).toBe("failed");
    expect(row!.last_error).toContain("worker died");
  });

  it("marks the previous batch done in the claim's own statement, fenced by attempt", async () => {
    await tagged("ride", 2);
    const first = (await claimJobs(h.db, "w-ride", 100, 60)).filter((j) =>
      [0, 1].includes((j.payload as { n: number }).n),
    );
    const mine = first.filter((j) => (j.payload as { tag?: string }).tag === "ride");
    expect(mine).toHaveLength(2);
    const [a, b] = mine as [(typeof mine)[0], (typeof mine)[0]];
    // b's fence is stale (another attempt took over), so only a is recorded.
    await claimJobs(h.db, "w-ride", 1, 60, [
      { id: a.id, attempts: a.attempts },
      { id: b.id, attempts: b.attempts + 1 },
    ]);
    const rows = await rowsOf("ride");
    expect(rows.map((r) => r.status)).toEqual(["done", "running"]);
  });
});
