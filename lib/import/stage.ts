import { once } from "node:events";
import type { Pool, PoolClient } from "pg";
import { sql } from "drizzle-orm";
import type { Db, DbHandle } from "@/db";
import * as schema from "@/db/schema";
import { createUuid7 } from "./uuid7";

/**
 * The staging table of one import: valid rows land here (COPY on PostgreSQL), then one
 * transaction merges them into `contacts`. A real (UNLOGGED on PostgreSQL) table, not a temporary
 * one, because pooled connections do not share temporary tables; named after the import so a
 * rerun of the job drops and recreates it.
 *
 * Beside it, `matchTable(table)`: one narrow row per staged row that has an owner in the register
 * (or is turned away), written once by the matching step. Keeping the match out of the staged
 * rows means the wide rows (with their jsonb) are written once, never rewritten by UPDATEs.
 */
export const stageTable = (importId: string) => `import_stage_${importId.replace(/-/g, "")}`;
export const matchTable = (stage: string) => `${stage}_m`;

/** Columns written by the reader, in COPY order. */
const STAGE_COLUMNS = "rn, email, email_l, phone, first_name, last_name, data";

export async function createStage(h: DbHandle, table: string): Promise<void> {
  await dropStage(h, table);
  const unlogged = h.kind === "pglite" ? "" : "unlogged";
  await h.db.execute(
    sql.raw(`create ${unlogged} table ${table} (
      rn integer primary key,
      email text,
      email_l text,
      phone text,
      first_name text,
      last_name text,
      data jsonb not null
    )`),
  );
  await h.db.execute(
    sql.raw(`create ${unlogged} table ${matchTable(table)} (
      rn integer primary key,
      email_owner uuid,
      phone_owner uuid,
      match_id uuid,
      reject text
    )`),
  );
}

export async function dropStage(h: DbHandle, table: string): Promise<void> {
  await h.db.execute(sql.raw(`drop table if exists ${table}, ${matchTable(table)}`));
}

/** One staged row: null means "no value" (an unmapped or empty cell). */
export type StageWriter = {
  add(
    rn: number,
    email: string | null,
    phone: string | null,
    firstName: string | null,
    lastName: string | null,
    dataJson: string,
  ): void | Promise<void>;
  /** Flushes what is buffered and ends the load; the rows are then in the table. */
  finish(): Promise<void>;
  /** Abandons the load (the caller drops the table). */
  abort(): Promise<void>;
};

const NEEDS_ESCAPE = /[\\\t\n\r]/;
/** A value in COPY's text format: \N for null, backslash escapes for \ tab CR LF. */
function copyText(v: string | null): string {
  if (v === null) return "\\N";
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

function copyLine(
  rn: number,
  email: string | null,
  phone: string | null,
  firstName: string | null,
  lastName: string | null,
  dataJson: string,
): string {
  const emailL = email === null ? null : email.toLowerCase();
  return `${rn}\t${copyText(email)}\t${copyText(emailL)}\t${copyText(phone)}\t${copyText(firstName)}\t${copyText(lastName)}\t${copyText(dataJson)}\n`;
}

/** Bytes buffered before a write to the COPY stream (fewer, larger writes). */
const PG_BUFFER = 256 * 1024;
/** Rows per COPY FROM '/dev/blob' on PGlite. */
const PGLITE_ROWS = 20_000;
/** Rows per multi-row INSERT where COPY is not available (Neon's serverless driver). */
const INSERT_ROWS = 2_000;

/**
 * A writer for the handle's driver: COPY FROM STDIN on one dedicated pooled connection
 * (PostgreSQL), COPY FROM '/dev/blob' in chunks (PGlite), batched INSERTs from one JSON
 * parameter (Neon, whose serverless driver has no COPY).
 */
export async function openStageWriter(h: DbHandle, table: string): Promise<StageWriter> {
  if (h.kind === "postgres") return pgWriter(h.raw as Pool, table);
  if (h.kind === "pglite") return pgliteWriter(h, table);
  return insertWriter(h, table);
}

async function pgWriter(pool: Pool, table: string): Promise<StageWriter> {
  const client: PoolClient = await pool.connect();
  const w = await copyWriter(client, `copy ${table} (${STAGE_COLUMNS}) from stdin`, copyLine);
  let released = false;
  const release = (err?: Error) => {
    if (released) return;
    released = true;
    client.release(err);
  };
  return {
    add: w.add,
    async finish() {
      try {
        await w.finish();
        release();
      } catch (e) {
        release(e as Error);
        throw e;
      }
    },
    async abort() {
      if (released) return;
      // Ending a COPY with an error leaves the connection unusable: drop it from the pool.
      w.destroy();
      release(new Error("import aborted"));
    },
  };
}

/** One COPY line from what a StageWriter is given. */
type LineOf = (...row: Parameters<StageWriter["add"]>) => string;

/** COPY FROM STDIN on a connection, fed in PG_BUFFER-sized writes. */
async function copyWriter(client: PoolClient, copySql: string, line: LineOf) {
  const { from } = await import("pg-copy-streams");
  const stream = client.query(from(copySql));
  let failure: Error | null = null;
  stream.on("error", (e: Error) => {
    failure ??= e;
  });
  let buf = "";
  const write = async (text: string) => {
    if (failure) throw failure;
    if (!stream.write(text)) {
      // Wait for drain or an error, removing both listeners (once() each time would leak one).
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off("drain", done);
          stream.off("error", done);
          resolve();
        };
        stream.on("drain", done);
        stream.on("error", done);
      });
    }
    if (failure) throw failure;
  };
  return {
    add(...args: Parameters<LineOf>) {
      buf += line(...args);
      if (buf.length >= PG_BUFFER) {
        const text = buf;
        buf = "";
        return write(text);
      }
    },
    /** Ends the COPY; resolves with the number of rows it loaded. */
    async finish(): Promise<number> {
      if (buf) await write(buf);
      buf = "";
      const done = once(stream, "finish");
      stream.end();
      await Promise.race([done, once(stream, "error").then(([e]) => Promise.reject(e))]);
      if (failure) throw failure;
      return Number(stream.rowCount);
    },
    destroy() {
      stream.destroy(new Error("import aborted"));
    },
  };
}

/**
 * A load straight into `contacts` for the first import into an empty register on PostgreSQL:
 * COPY inside a transaction that stays open after `writer.finish()`, so the rest of the import's
 * commit (consent events, counters, audit) runs in it through `commit(fn)` and a failure anywhere
 * rolls everything back. No staging table: the rows are written once, while the reader parses,
 * so PostgreSQL maintains the indexes on one core while Node validates on the other.
 */
export type DirectLoad = {
  writer: StageWriter;
  /** Rows the COPY loaded (after `writer.finish()`). */
  loaded(): number;
  /** Runs `fn` in the load's transaction and commits; rolls back if anything throws. */
  commit<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Rolls back and gives up the connection (safe to call at any point, and twice). */
  abort(): Promise<void>;
};

export async function openDirectLoad(
  h: DbHandle,
  target: {
    orgId: string;
    registerId: string;
    /** created_at and updated_at of every loaded contact, ISO. */
    at: string;
    /** Mark contacts with an address as subscribed on that channel (consent events follow). */
    subscribed: boolean;
  },
): Promise<DirectLoad> {
  const client: PoolClient = await (h.raw as Pool).connect();
  let released = false;
  const release = (err?: Error) => {
    if (released) return;
    released = true;
    client.release(err);
  };
  let w: Awaited<ReturnType<typeof copyWriter>>;
  try {
    await client.query("begin");
    const fixed = `${target.orgId}\t${target.registerId}\t`;
    const status = (addr: string | null) => (target.subscribed && addr ? "subscribed" : "none");
    const tail = `\t${target.at}\t${target.at}\n`;
    // Time-ordered ids: the load appends to the primary keys of contacts and contact_facets.
    const nextId = createUuid7();
    w = await copyWriter(
      client,
      `copy contacts (id, org_id, register_id, email, phone, first_name, last_name, data,
                     email_status, sms_status, created_at, updated_at) from stdin`,
      (_rn, email, phone, firstName, lastName, dataJson) =>
        `${nextId()}\t${fixed}${copyText(email)}\t${copyText(phone)}\t${copyText(firstName ?? "")}\t${copyText(lastName ?? "")}\t${copyText(dataJson)}\t${status(email)}\t${status(phone)}${tail}`,
    );
  } catch (e) {
    release(e as Error);
    throw e;
  }
  let loaded = 0;
  let copying = true;
  const abort = async () => {
    if (released) return;
    if (copying) {
      // Ending a COPY with an error leaves the connection unusable: drop it from the pool.
      w.destroy();
      release(new Error("import aborted"));
      return;
    }
    try {
      await client.query("rollback");
      release();
    } catch (e) {
      release(e as Error);
    }
  };
  return {
    writer: {
      add: w.add,
      async finish() {
        loaded = await w.finish();
        copying = false;
      },
      abort,
    },
    loaded: () => loaded,
    async commit(fn) {
      try {
        const { drizzle } = await import("drizzle-orm/node-postgres");
        const tx = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
        const out = await fn(tx);
        await client.query("commit");
        release();
        return out;
      } catch (e) {
        await abort();
        throw e;
      }
    },
    abort,
  };
}

function pgliteWriter(h: DbHandle, table: string): StageWriter {
  const pg = h.raw as {
    query: (q: string, params?: unknown[], opts?: { blob?: Blob }) => Promise<unknown>;
  };
  let lines: string[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    const blob = new Blob([lines.join("")]);
    lines = [];
    await pg.query(`copy ${table} (${STAGE_COLUMNS}) from '/dev/blob'`, [], { blob });
  };
  return {
    add(rn, email, phone, firstName, lastName, dataJson) {
      lines.push(copyLine(rn, email, phone, firstName, lastName, dataJson));
      if (lines.length >= PGLITE_ROWS) return flush();
    },
    finish: flush,
    async abort() {
      lines = [];
    },
  };
}

function insertWriter(h: DbHandle, table: string): StageWriter {
  let rows: unknown[][] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows);
    rows = [];
    await h.db.execute(sql`
      insert into ${sql.raw(table)} (${sql.raw(STAGE_COLUMNS)})
      select (x->>0)::int, x->>1, lower(x->>1), x->>2, x->>3, x->>4, (x->>5)::jsonb
      from jsonb_array_elements(${json}::jsonb) x`);
  };
  return {
    add(rn, email, phone, firstName, lastName, dataJson) {
      rows.push([rn, email, phone, firstName, lastName, dataJson]);
      if (rows.length >= INSERT_ROWS) return flush();
    },
    finish: flush,
    async abort() {
      rows = [];
    },
  };
}
