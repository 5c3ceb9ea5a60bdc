import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DbHandle } from "@/db";

export type BenchDb = {
  handle: DbHandle;
  label: string;
  dispose: () => Promise<void>;
  /** Closes the connections but keeps the database (BENCH_KEEP=1). */
  keep: () => Promise<void>;
};

// App modules are imported inside the function: benchmarks set their environment first.
/** A fresh database of the configured kind, and how to get rid of it. */
export async function openBenchDb(): Promise<BenchDb> {
  const { openDb } = await import("@/db");
  const { migrateDb } = await import("@/db/migrate");
  const url = process.env.DATABASE_URL;
  if (url) {
    const pg = (await import("pg")).default;
    const name = `vk_bench_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    let handle: DbHandle;
    try {
      handle = await openDb({ url: u.toString(), kind: "postgres" });
      await migrateDb(handle);
    } catch (err) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      throw err;
    }
    const version =
      (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]
        ?.v ?? "?";
    return {
      handle,
      label: `postgres ${version} (${u.host}, throwaway database ${name})`,
      dispose: async () => {
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
      keep: async () => {
        await handle.close();
        await admin.end();
      },
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "vk-bench-"));
  const handle = await openDb({ kind: "pglite", dataDir });
  await migrateDb(handle);
  return {
    handle,
    label: `pglite (${dataDir})`,
    dispose: async () => {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    keep: () => handle.close(),
  };
}
