import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/**
 * Applies the committed migrations. On PostgreSQL an advisory lock serialises concurrent
 * starters (several server processes); PGlite is single-process by construction.
 */
export async function migrateDb(handle: DbHandle, folder = MIGRATIONS_FOLDER): Promise<void> {
  const config = { migrationsFolder: folder };
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(handle.db as any, config);
    return;
  }
  if (handle.kind === "neon") {
    const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migrate(handle.db as any, config);
    return;
  }
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  // One dedicated connection holds the advisory lock for the whole migration.
  const pool = handle.raw as import("pg").Pool;
  const client = await pool.connect();
  try {
    const db = drizzle({ client, casing: "snake_case" });
    await db.execute(sql`select pg_advisory_lock(727274)`);
    try {
      await migrate(db, config);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(727274)`);
    }
  } finally {
    client.release();
  }
}
