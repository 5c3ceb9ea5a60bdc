/**
 * Import benchmark (R3): `npm run bench -- import [rows]` (default 1,000,000) on PostgreSQL
 * (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a throwaway database
 * vk_bench_import_<random> is created and dropped).
 *
 * A generated semicolon-separated UTF-8 CSV of `rows` rows and 12 columns (e-mail, phone, first
 * and last name, city, interests, birth date, join date, points, purchases, postal code, member)
 * is written to a temporary file, then timed:
 *
 *   reference  a plain COPY of the file from Node (fs stream → pg-copy-streams, FORMAT csv)
 *              into a table of 12 text columns: no validation, no indexes (the issue's peer).
 *              Then the same COPY into a table that also has contacts' indexes, printed
 *              as a second ratio: index maintenance is most of what a real load costs.
 *   ours       the import job's whole body (runImport): read the stored file back from Postgres,
 *              decode, parse, validate every value, dedupe, and — the register being empty, on
 *              PostgreSQL — COPY straight into contacts (all its indexes, the contact_facets
 *              trigger) inside the transaction that writes counters and audit. Imports into a
 *              register with contacts stage, match and merge instead: timed after it as
 *              `again` (the same file into the full register: nothing changes) and `grow`
 *              (a fifth as many new rows into it), not part of the ratio.
 *              The upload (storing the file) is not timed; it is the user's upload.
 *
 * BENCH_KEEP=1 keeps the database afterwards (for EXPLAIN experiments; drop it by hand).
 * Last line: `import: ours=<s> reference=<s> ratio=<reference/ours> target=0.5`.
 */
import { randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { DbHandle } from "@/db";
import { machineLine } from "./lib/args";
import { HEADER, INTEREST, writeCsv } from "./lib/csv";

const TARGET = 0.5;
const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test";

/**
 * A plain COPY of the file into a table of 12 text columns. `indexed` gives that table the
 * indexes contacts has (a uuid primary key, unique lower(e-mail) and phone, the three list-sort
 * indexes, the organisation index and the trigram search index): what any load into the register must at least pay.
 */
async function reference(handle: DbHandle, file: string, indexed = false) {
  const { from } = await import("pg-copy-streams");
  const pool = handle.raw as import("pg").Pool;
  const client = await pool.connect();
  try {
    await client.query(
      `create table bench_copy (${HEADER.map((_, i) => `c${i + 1} text`).join(", ")}${
        indexed
          ? ", id uuid primary key default gen_random_uuid(), created_at timestamptz not null default now()"
          : ""
      })`,
    );
    if (indexed) {
      for (const ix of ["(lower(c1)) where c1 is not null", "(c2) where c2 is not null"])
        await client.query(`create unique index on bench_copy ${ix}`);
      for (const ix of [
        "(created_at, id)",
        "(lower(c4), id)",
        "(coalesce(lower(c1), ''), id)",
        "(c5)",
        // The search index (pg_trgm) over what contactSearchText concatenates.
        "using gin ((coalesce(lower(c1), '') || E'\\x1f' || lower(c3 || ' ' || c4 || ' ' || c3) || E'\\x1f' || coalesce(c2, '')) gin_trgm_ops)",
      ])
        await client.query(`create index on bench_copy ${ix}`);
    }
    const t0 = performance.now();
    await pipeline(
      createReadStream(file, { highWaterMark: 1 << 20 }),
      client.query(
        from(
          `copy bench_copy (${HEADER.map((_, i) => `c${i + 1}`).join(", ")}) from stdin with (format csv, delimiter ';', header true)`,
        ),
      ),
    );
    const ms = performance.now() - t0;
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from bench_copy");
    return { ms, count: Number(rows[0]?.n ?? 0) };
  } finally {
    client.release();
  }
}

type Target = {
  org: { id: string };
  register: { id: string };
  actor: { userId: string; userEmail: string; ip: null };
};

/** An organisation, a user and the empty register the benchmark imports into. */
async function target(handle: DbHandle): Promise<Target> {
  const { createOrg, createUser } = await import("@/db/seed/factories");
  const { createRegister } = await import("@/lib/registers/registers");
  const db = handle.db;
  const org = await createOrg(db);
  const u = await createUser(db, { orgId: org.id, role: "main" });
  const actor = { userId: u.id, userEmail: u.email, ip: null };
  const register = await createRegister(db, org.id, actor, {
    name: "Benchmark",
    columns: [
      { label: "Kaupunki", type: "text" },
      { label: "Kiinnostuksen kohteet", type: "multi_choice", options: INTEREST },
      { label: "Syntymäpäivä", type: "date" },
      { label: "Liittynyt", type: "date" },
      { label: "Pisteet", type: "number" },
      { label: "Ostot", type: "number" },
      { label: "Postinumero", type: "postal_code" },
      { label: "Jäsen", type: "boolean" },
    ],
  });
  return { org, register, actor };
}

/** Uploads the file and times runImport (add-and-update, dedupe on e-mail and phone) into `to`. */
async function ours(handle: DbHandle, file: string, to: Target) {
  const { createImportFromUpload, startImport } = await import("@/lib/import/imports");
  const { suggestTargets } = await import("@/lib/import/targets");
  const { listColumns } = await import("@/lib/registers/registers");
  const { runImport } = await import("@/lib/import/run");
  const db = handle.db;
  const { org, register, actor } = to;
  const tUp = performance.now();
  const draft = await createImportFromUpload(
    db,
    org.id,
    actor,
    register.id,
    "bench.csv",
    createReadStream(file, { highWaterMark: 1 << 20 }),
  );
  const uploadMs = performance.now() - tUp;
  const columns = await listColumns(db, org.id, register.id);
  const suggested = suggestTargets(draft.headers, columns, {
    email: "Sähköposti",
    phone: "Puhelin",
    firstName: "Etunimi",
    lastName: "Sukunimi",
  });
  const mapping: Record<string, string> = {};
  suggested.forEach((t, i) => {
    if (t) mapping[String(i)] = t;
  });
  if (Object.keys(mapping).length !== 12)
    throw new Error(`mapping incomplete: ${JSON.stringify(mapping)}`);
  await startImport(db, org.id, actor, draft.id, {
    mapping,
    mode: "upsert",
    dedupe: "email_phone",
    consent: "none",
  });
  let peakHeap = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 50);
  const t0 = performance.now();
  const timings: { read?: number; classify?: number; report?: number; merge?: number } = {};
  const done = await runImport(handle, org.id, draft.id, { timings });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  if (done?.status !== "done") throw new Error(`import ${done?.status}: ${done?.error}`);
  return { ms, uploadMs, done, peakHeap, peakRss, timings };
}

export async function main(args: string[]): Promise<number> {
  process.env.LOG_LEVEL = "silent";
  const rows = args[0] ? Number(args[0].replace(/[_,]/g, "")) : 1_000_000;
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error("usage: import [rows]");
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  console.log(machineLine());
  console.log(`runtime: node ${process.version} on ${os.platform()} ${os.release()}`);

  const dir = mkdtempSync(path.join(os.tmpdir(), "vk-bench-import-"));
  const file = path.join(dir, "bench.csv");
  const pg = (await import("pg")).default;
  const { openDb } = await import("@/db");
  const { migrateDb } = await import("@/db/migrate");
  const name = `vk_bench_import_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await openDb({ url: u.toString(), kind: "postgres" });
  let code = 0;
  try {
    await migrateDb(handle);
    const version =
      (await admin.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]
        ?.v ?? "?";
    console.log(`database: postgres ${version} (${u.host}, throwaway database ${name})`);
    const tg = performance.now();
    await writeCsv(file, rows);
    const size = statSync(file).size;
    console.log(
      `file: ${rows} rows × 12 columns, ${(size / 2 ** 20).toFixed(1)} MiB (generated in ${((performance.now() - tg) / 1000).toFixed(1)} s)`,
    );

    const ref = await reference(handle, file);
    if (ref.count !== rows) {
      console.error(`reference: WRONG row count ${ref.count}`);
      code = 1;
    }
    console.log(
      `reference: plain COPY ${(ref.ms / 1000).toFixed(2)} s → ${Math.round(rows / (ref.ms / 1000))} rows/s`,
    );
    await handle.db.execute((await import("drizzle-orm")).sql`drop table bench_copy`);
    const refIx = await reference(handle, file, true);
    console.log(
      `reference: COPY into a table with contacts' indexes ${(refIx.ms / 1000).toFixed(2)} s → ${Math.round(rows / (refIx.ms / 1000))} rows/s`,
    );
    await handle.db.execute((await import("drizzle-orm")).sql`drop table bench_copy`);

    const to = await target(handle);
    const o = await ours(handle, file, to);
    const d = o.done;
    const counted = await (handle.raw as import("pg").Pool).query<{ n: number }>(
      "select count(*)::int as n from contacts",
    );
    const n = Number(counted.rows[0]?.n ?? 0);
    if (n !== rows || d.insertedRows !== rows || d.rejectedRows !== 0) {
      console.error(
        `ours: WRONG result: ${n} contacts, inserted ${d.insertedRows}, rejected ${d.rejectedRows}`,
      );
      code = 1;
    }
    console.log(
      `ours:      runImport ${(o.ms / 1000).toFixed(2)} s → ${Math.round(rows / (o.ms / 1000))} rows/s ` +
        `(inserted ${d.insertedRows}, rejected ${d.rejectedRows}; upload into stored_files ${(o.uploadMs / 1000).toFixed(2)} s, not timed)`,
    );
    const ph = (k: keyof typeof o.timings) => `${((o.timings[k] ?? 0) / 1000).toFixed(2)} s`;
    console.log(
      `phases:    read+validate+COPY (into contacts for a first import) ${ph("read")}, match ${ph("classify")}, report ${ph("report")}, merge/commit ${ph("merge")}`,
    );
    console.log(
      `memory:    peak heap ${(o.peakHeap / 2 ** 20).toFixed(0)} MiB, peak RSS ${(o.peakRss / 2 ** 20).toFixed(0)} MiB during runImport`,
    );
    // The same file again into the now full register: every row matches its contact and nothing
    // changes (the acceptance's "import twice"), through staging, matching and the merge.
    const a = await ours(handle, file, to);
    const ad = a.done;
    if (ad.insertedRows !== 0 || ad.updatedRows !== 0 || ad.unchangedRows !== rows) {
      console.error(
        `again: WRONG result: inserted ${ad.insertedRows}, updated ${ad.updatedRows}, unchanged ${ad.unchangedRows}`,
      );
      code = 1;
    }
    const pa = (k: keyof typeof a.timings) => `${((a.timings[k] ?? 0) / 1000).toFixed(2)} s`;
    console.log(
      `again:     the same file into the full register ${(a.ms / 1000).toFixed(2)} s → ${Math.round(rows / (a.ms / 1000))} rows/s ` +
        `(unchanged ${ad.unchangedRows}; read+validate+stage ${pa("read")}, match ${pa("classify")}, report ${pa("report")}, merge/commit ${pa("merge")}; ` +
        `peak heap ${(a.peakHeap / 2 ** 20).toFixed(0)} MiB)`,
    );
    // A fifth as many new contacts into the full register (a month's new members): staged,
    // matched (nothing matches) and inserted by the merge.
    const growRows = Math.max(1, Math.floor(rows / 5));
    const growFile = path.join(dir, "grow.csv");
    await writeCsv(growFile, growRows, rows);
    const g = await ours(handle, growFile, to);
    if (g.done.insertedRows !== growRows || g.done.rejectedRows !== 0) {
      console.error(
        `grow: WRONG result: inserted ${g.done.insertedRows}, rejected ${g.done.rejectedRows}`,
      );
      code = 1;
    }
    const pg = (k: keyof typeof g.timings) => `${((g.timings[k] ?? 0) / 1000).toFixed(2)} s`;
    console.log(
      `grow:      ${growRows} new contacts into the full register ${(g.ms / 1000).toFixed(2)} s → ${Math.round(growRows / (g.ms / 1000))} rows/s ` +
        `(read+validate+stage ${pg("read")}, match ${pg("classify")}, merge/commit ${pg("merge")})`,
    );
    const ratio = ref.ms / o.ms;
    console.log(
      `ratio against the indexed COPY: ${(refIx.ms / o.ms).toFixed(2)} (the cost of parsing, validating, deduping and merging over the load itself)`,
    );
    console.log(
      `import: ours=${(o.ms / 1000).toFixed(2)}s reference=${(ref.ms / 1000).toFixed(2)}s ratio=${ratio.toFixed(2)} target=${TARGET}`,
    );
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP === "1") console.log(`kept database ${name} (BENCH_KEEP=1)`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  return code;
}
