import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openTestDb } from "@/db/seed/test-db";
import { queryRows, type DbHandle } from "@/db";
import { defineJob, type JobDefinition } from "@/inngest/define";
import { enqueue } from "./enqueue";
import { LocalRunner } from "./runner";

// A real process holding a claim is killed with SIGKILL. PGlite cannot be shared between
// processes, so this runs on PostgreSQL only (the PGlite suite simulates the crash in-process).
const onPostgres = process.env.TEST_DB === "postgres";

let h: DbHandle & { dispose: () => Promise<void>; url?: string };
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

describe.skipIf(!onPostgres)("local runner, process killed while holding a claim", () => {
  it("the killed process's job is claimed again after the claim expires and runs exactly once", async () => {
    await enqueue(h.db, "system/ping", { n: 7 }, { dedupeKey: "kill-1" });
    await h.db.execute(sql`update jobs set max_attempts = 3 where dedupe_key = 'kill-1'`); // as a job with retries: 2
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve(import.meta.dirname, "fixtures/claim-and-hang.ts")],
      {
        env: { ...process.env, CHILD_DATABASE_URL: h.url, LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const claimed = await new Promise<string>((resolve) =>
      child.stdout!.on("data", (d: Buffer) => resolve(d.toString())),
    );
    expect(claimed.trim()).toBe("claimed 1");
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));

    const [held] = await queryRows<{ status: string; locked_by: string }>(
      h.db,
      sql`select status::text, locked_by from jobs where dedupe_key = 'kill-1'`,
    );
    expect(held).toMatchObject({ status: "running" });
    expect(held!.locked_by).toMatch(/^child-/);

    const runs: number[] = [];
    const survivor = new LocalRunner({
      db: h.db,
      registry: new Map<string, JobDefinition>([
        [
          "system/ping",
          defineJob({
            id: "ok",
            event: "system/ping",
            retries: 2,
            handler: async (d) => void runs.push((d as { n: number }).n),
          }) as JobDefinition,
        ],
      ]),
    });
    await expect
      .poll(async () => (await survivor.drain(), runs.length), { timeout: 10_000, interval: 250 })
      .toBe(1);
    const [after] = await queryRows<{ status: string; attempts: number }>(
      h.db,
      sql`select status::text, attempts from jobs where dedupe_key = 'kill-1'`,
    );
    expect(after).toEqual({ status: "done", attempts: 2 });
    expect(runs).toEqual([7]);
  });
});
