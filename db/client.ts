import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import * as schema from "./schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

type Schema = typeof schema;
/** The Drizzle database, whatever the driver underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres" | "neon";
  close: () => Promise<void>;
  /** Raw driver for the few paths that need it (COPY, benchmarks). */
  raw: unknown;
};

/** Opens a database handle for a URL (or PGlite in `dataDir` / in memory when url is undefined). */
export async function openDb(opts: {
  url?: string;
  dataDir?: string;
  kind?: DbHandle["kind"];
}): Promise<DbHandle> {
  const kind = opts.kind ?? (opts.url ? "postgres" : "pglite");
  if (kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
    // pg_trgm backs the contact search index (migration 0014).
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const client = new PGlite({ dataDir: opts.dataDir, extensions: { pg_trgm } });
    await client.waitReady;
    const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
    return { db, kind, raw: client, close: () => client.close() };
  }
  if (kind === "neon") {
    const { Pool, neonConfig } = await import("@neondatabase/serverless");
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    const ws = (await import("ws")).default;
    neonConfig.webSocketConstructor = ws;
    const pool = new Pool({ connectionString: opts.url });
    pool.on("error", (err: Error) =>
      log.warn({ err: err.message }, "idle database connection lost"),
    );
    const db = drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
    return { db, kind, raw: pool, close: () => pool.end() };
  }
  const pg = (await import("pg")).default;
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new pg.Pool({ connectionString: opts.url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (err) => log.warn({ err: err.message }, "idle database connection lost"));
  const db = drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind, raw: pool, close: () => pool.end() };
}

const g = globalThis as unknown as { __vkDb?: Promise<DbHandle> };

/** The one database handle of this process, opened on first use from the environment. */
export function getDbHandle(): Promise<DbHandle> {
  g.__vkDb ??= (async () => {
    const e = env();
    return openDb({
      url: e.DATABASE_URL,
      kind: e.dbKind,
      dataDir: path.resolve(e.DATA_DIR, "pglite"),
    });
  })();
  return g.__vkDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Replaces the process handle (tests use their own database). */
export function setDbHandle(handle: DbHandle | undefined) {
  g.__vkDb = handle ? Promise.resolve(handle) : undefined;
}

/** Runs raw SQL and returns its rows, the same on every driver (they all answer `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
