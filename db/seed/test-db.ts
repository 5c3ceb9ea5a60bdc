import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDb, setDbHandle, type DbHandle } from "../client";
import { migrateDb } from "../migrate";

/**
 * A database of the test file's own: in-memory PGlite (TEST_DB=pglite) or a fresh PostgreSQL
 * database copied from the migrated template (TEST_DB=postgres). It also becomes the process's
 * database for code that calls getDb().
 */
export async function openTestDb(): Promise<
  DbHandle & { dispose: () => Promise<void>; url?: string }
> {
  if (process.env.TEST_DB === "postgres") {
    const url = process.env.DATABASE_URL!;
    const run = inject("pgRun");
    const name = `vk_t_${run}_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (let i = 0; ; i++) {
      try {
        await admin.query(`create database ${name} template vk_tpl_${run}`);
        break;
      } catch (err) {
        // Two files copying the template at the same instant: PostgreSQL refuses one; retry.
        if (i > 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const u = new URL(url);
    u.pathname = `/${name}`;
    const handle = await openDb({ url: u.toString(), kind: "postgres" });
    setDbHandle(handle);
    return {
      ...handle,
      url: u.toString(),
      dispose: async () => {
        setDbHandle(undefined);
        await handle.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    } as DbHandle & { dispose: () => Promise<void> };
  }
  const handle = await openDb({ kind: "pglite" });
  await migrateDb(handle);
  setDbHandle(handle);
  return {
    ...handle,
    dispose: async () => {
      setDbHandle(undefined);
      await handle.close();
    },
  };
}
