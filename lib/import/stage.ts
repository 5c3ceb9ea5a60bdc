import { once } from "node:events";
import type { Pool, PoolClient } from "pg";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db";

/**
 * The staging table of one import: valid rows land here (COPY on PostgreSQL), then one
 * transaction merges them into `contacts`. A real (UNLOGGED on PostgreSQL) table, not a temporary
 * one, because pooled connections do not share temporary tables; named after the import so a
 * rerun of the job drops and recreates it.
 */
export const stageTable = (importId: string) => `import_stage_${importId.replace(/-/g, "")}`;

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
      data jsonb not null,
      email_owner uuid,
      phone_owner uuid,
      match_id uuid,
      reject text
    )`),
  );
}

export async function dropStage(h: DbHandle, table: string): Promise<void> {
  await h.db.execute(sql.raw(`drop table if exists ${table}`));
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
  const { from } = await import("pg-copy-streams");
  const client: PoolClient = await pool.connect();
  const stream = client.query(from(`copy ${table} (${STAGE_COLUMNS}) from stdin`));
  let failure: Error | null = null;
  stream.on("error", (e: Error) => {
    failure ??= e;
  });
  let buf = "";
  let released = false;
  const release = (err?: Error) => {
    if (released) return;
    released = true;
    client.release(err);
  };
  const write = async (text: string) => {
    if (failure) throw failure;
    if (!stream.write(text)) await Promise.race([once(stream, "drain"), once(stream, "error")]);
    if (failure) throw failure;
  };
  return {
    add(rn, email, phone, firstName, lastName, dataJson) {
      buf += copyLine(rn, email, phone, firstName, lastName, dataJson);
      if (buf.length >= PG_BUFFER) {
        const text = buf;
        buf = "";
        return write(text);
      }
    },
    async finish() {
      try {
        if (buf) await write(buf);
        buf = "";
        const done = once(stream, "finish");
        stream.end();
        await Promise.race([done, once(stream, "error").then(([e]) => Promise.reject(e))]);
        if (failure) throw failure;
        release();
      } catch (e) {
        release(e as Error);
        throw e;
      }
    },
    async abort() {
      if (released) return;
      // Ending a COPY with an error leaves the connection unusable: drop it from the pool.
      stream.destroy(new Error("import aborted"));
      release(new Error("import aborted"));
    },
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
