import { and, eq, inArray, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { queryRows, type Db, type DbHandle } from "@/db";
import { imports, storedFiles, suppressions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { addressHash } from "@/lib/consent/address-hash";
import { isAppError } from "@/lib/errors";
import { storeFile } from "@/lib/files/store";
import { log } from "@/lib/log";
import { listColumns } from "@/lib/registers/registers";
import { normalizeEmail, parseValue, type ValueColumn } from "@/lib/registers/values";
import { normalizePhone } from "@/lib/sms/phone";
import { loadMessages } from "@/messages";
import { createDeduper, duplicateReason } from "./dedupe";
import { rejectedRowsCsv, type RejectedRow, type RejectReason } from "./report";
import { openImportBatches, openImportRows } from "./source";
import {
  createStage,
  dropStage,
  matchTable,
  openDirectLoad,
  openStageWriter,
  stageTable,
  type DirectLoad,
  type StageWriter,
} from "./stage";
import { customTarget } from "./targets";

export type Import = typeof imports.$inferSelect;

/** processedRows is written every this many rows (the progress bar polls once a second). */
const PROGRESS_EVERY = 5_000;
/** Rejected rows kept for the report; beyond this only the counts grow (noted in the report). */
export const REPORT_MAX_ROWS = 100_000;
const REPORT_DAYS = 30;
/** work_mem for matching and merging: per hash or sort, per running import (see OPERATIONS). */
const MATCH_WORK_MEM = "128MB";

/** Test hooks: inject a failure at a point of the run; `timings` receives each phase's ms. */
export type RunHooks = {
  beforeMerge?: () => void | Promise<void>;
  beforeCommit?: () => void | Promise<void>;
  timings?: { read?: number; classify?: number; report?: number; merge?: number };
};

const VALUE_REASON: Record<string, string> = {
  "registers.values.required": "REQUIRED_MISSING",
  "registers.values.tooLong": "TOO_LONG",
  "registers.values.number": "INVALID_NUMBER",
  "registers.values.date": "INVALID_DATE",
  "registers.values.boolean": "INVALID_BOOLEAN",
  "registers.values.choice": "INVALID_CHOICE",
  "registers.values.email": "INVALID_EMAIL",
  "registers.values.phone": "INVALID_PHONE",
  "registers.values.postalCode": "INVALID_POSTAL_CODE",
};

const reason = (key: string, params?: Record<string, string | number>): RejectReason => ({
  key: `import.reasons.${key}`,
  params,
});

type CustomPlan = { idx: number; key: string; label: string; column: ValueColumn };

/**
 * Runs one import (the job's body). Reads the stored file row by row, validates every value,
 * drops in-file duplicates and suppressed addresses, stages the valid rows (COPY on PostgreSQL)
 * and merges them into the register in one transaction that also stores the counters, the
 * report and the audit entry. Any failure leaves the contacts untouched and the import `failed`.
 * Safe to run twice: a finished import is left alone, an interrupted one starts over.
 */
export async function runImport(
  h: DbHandle,
  orgId: string,
  importId: string,
  hooks: RunHooks = {},
): Promise<Import | null> {
  const db = h.db;
  const [imp] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, importId), eq(imports.orgId, orgId)));
  if (!imp) return null;
  if (imp.status !== "queued" && imp.status !== "running") return imp;
  const table = stageTable(imp.id);
  let reportFileId: string | null = null;
  let direct: DirectLoad | null = null;
  try {
    await db
      .update(imports)
      .set({ status: "running", startedAt: new Date(), processedRows: 0, error: null })
      .where(eq(imports.id, imp.id));
    const now = new Date();
    // The first import into an empty register on PostgreSQL goes straight into contacts (nothing
    // to match against); every other one is staged, matched and merged.
    if (h.kind === "postgres" && imp.mode !== "update" && (await registerIsEmpty(db, imp))) {
      direct = await openDirectLoad(h, {
        orgId: imp.orgId,
        registerId: imp.registerId,
        at: now.toISOString(),
        subscribed: imp.consent === "subscribed",
      });
    } else {
      await createStage(h, table);
    }
    let t0 = performance.now();
    const lap = (phase: keyof NonNullable<RunHooks["timings"]>) => {
      const t = performance.now();
      if (hooks.timings) hooks.timings[phase] = t - t0;
      t0 = t;
    };
    const read = await stageRows(h, imp, direct?.writer ?? (await openStageWriter(h, table)));
    lap("read");
    const merged = direct ? { matched: 0, rejects: [] } : await classify(h, imp, table);
    lap("classify");
    const rejected = [...read.rejected];
    if (merged.rejects.length > 0) {
      const raw = await rawValues(
        db,
        imp,
        new Set(merged.rejects.map((r) => r.rn)),
        REPORT_MAX_ROWS - rejected.length,
      );
      for (const r of merged.rejects)
        if (rejected.length < REPORT_MAX_ROWS)
          rejected.push({ rowNumber: r.rn, reason: reason(r.reject), raw: raw.get(r.rn) ?? [] });
      rejected.sort((a, b) => a.rowNumber - b.rowNumber);
    }
    const rejectedCount = read.rejectedCount + merged.rejects.length;
    if (rejected.length > 0) {
      reportFileId = await writeReport(db, imp, read.header, rejected, rejectedCount);
    }
    lap("report");
    await hooks.beforeMerge?.();
    const load = direct;
    const inTransaction = <T>(fn: (tx: Db) => Promise<T>) =>
      load ? load.commit(fn) : db.transaction((tx) => fn(tx as unknown as Db));
    const done = await inTransaction(async (tx) => {
      if (load) await recordImportConsent(tx, imp, now);
      const counts = load
        ? { inserted: load.loaded(), updated: 0 }
        : await merge(h, tx, imp, table, now);
      lap("merge");
      await hooks.beforeCommit?.();
      const [row] = await tx
        .update(imports)
        .set({
          status: "done",
          totalRows: read.total,
          processedRows: read.total,
          insertedRows: counts.inserted,
          updatedRows: counts.updated,
          unchangedRows: merged.matched - counts.updated,
          rejectedRows: rejectedCount,
          suppressedRows: read.suppressed,
          reportFileId,
          finishedAt: new Date(),
        })
        .where(eq(imports.id, imp.id))
        .returning();
      await recordAudit(tx as unknown as Db, {
        orgId,
        actorId: imp.createdBy,
        action: "import.completed",
        targetType: "import",
        targetId: imp.id,
        details: {
          registerId: imp.registerId,
          targetName: imp.fileName,
          count: counts.inserted,
          fileName: imp.fileName,
          inserted: counts.inserted,
          updated: counts.updated,
          rejected: rejectedCount,
          suppressed: read.suppressed,
        },
      });
      return row!;
    });
    if (!load) await dropStage(h, table);
    return done;
  } catch (err) {
    await direct?.abort();
    if (reportFileId)
      await db
        .delete(storedFiles)
        .where(eq(storedFiles.id, reportFileId))
        .catch(() => {});
    if (!direct) await dropStage(h, table).catch(() => {});
    const message = isAppError(err)
      ? err.userMessage
      : isUniqueViolation(err)
        ? "import.errors.CONFLICT"
        : "import.errors.FAILED";
    if (!isAppError(err)) log.error({ err, importId }, "import failed");
    const [row] = await db
      .update(imports)
      .set({ status: "failed", error: message, finishedAt: new Date() })
      .where(eq(imports.id, imp.id))
      .returning();
    return row ?? null;
  }
}

/** A unique-index violation (PostgreSQL 23505), e.g. a contact added while the import merged. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (e.code === "23505") return true;
    e = e.cause as typeof e;
  }
  return false;
}

type ReadResult = {
  header: string[];
  total: number;
  suppressed: number;
  rejectedCount: number;
  rejected: RejectedRow[];
};

/** Reads, validates and stages every row; returns the rows turned away and the counts. */
async function stageRows(h: DbHandle, imp: Import, writer: StageWriter): Promise<ReadResult> {
  const db = h.db;
  const columns = await listColumns(db, imp.orgId, imp.registerId);
  const byTarget = new Map(columns.map((c) => [customTarget(c.key), c]));
  let emailIdx = -1;
  let phoneIdx = -1;
  let firstIdx = -1;
  let lastIdx = -1;
  const custom: CustomPlan[] = [];
  for (const [src, target] of Object.entries(imp.mapping)) {
    const idx = Number(src);
    if (target === "email") emailIdx = idx;
    else if (target === "phone") phoneIdx = idx;
    else if (target === "firstName") firstIdx = idx;
    else if (target === "lastName") lastIdx = idx;
    else {
      const c = byTarget.get(target);
      if (c) custom.push({ idx, key: c.key, label: c.label, column: c });
    }
  }
  const keyJson = custom.map((c) => JSON.stringify(c.key));
  const suppressed = await loadSuppressions(db, imp.orgId);
  const deduper = createDeduper({ on: ["email", "phone"], normalized: true });
  const source = await openImportBatches(db, imp);
  const header = source.header;
  const labelOf = (idx: number) => header[idx] ?? String(idx + 1);
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  let suppressedCount = 0;
  let total = 0;
  const reject = (rowNumber: number, why: RejectReason, raw: string[]) => {
    rejectedCount++;
    if (rejected.length < REPORT_MAX_ROWS) rejected.push({ rowNumber, reason: why, raw });
  };
  const width = header.length;
  const dupRow = { rowNumber: 0, email: null as string | null, phone: null as string | null };
  try {
    let nextProgress = PROGRESS_EVERY;
    for await (const batch of source.batches) {
      if (total >= nextProgress) {
        nextProgress = total + PROGRESS_EVERY;
        await db.update(imports).set({ processedRows: total }).where(eq(imports.id, imp.id));
      }
      for (const row of batch) {
        total++;
        const v = row.values;
        if (v.length > width && v.slice(width).some((x) => x.trim() !== "")) {
          reject(row.rowNumber, reason("COLUMN_COUNT", { count: v.length, expected: width }), v);
          continue;
        }
        const emailRaw = emailIdx >= 0 ? (v[emailIdx] ?? "").trim() : "";
        const phoneRaw = phoneIdx >= 0 ? (v[phoneIdx] ?? "").trim() : "";
        const email = emailRaw ? normalizeEmail(emailRaw) : null;
        if (emailRaw && email === null) {
          reject(row.rowNumber, reason("INVALID_EMAIL", { column: labelOf(emailIdx) }), v);
          continue;
        }
        const phone = phoneRaw ? normalizePhone(phoneRaw) : null;
        if (phoneRaw && phone === null) {
          reject(row.rowNumber, reason("INVALID_PHONE", { column: labelOf(phoneIdx) }), v);
          continue;
        }
        if (email === null && phone === null) {
          reject(row.rowNumber, reason("NO_ADDRESS"), v);
          continue;
        }
        let data = "{";
        let bad: RejectReason | null = null;
        for (let i = 0; i < custom.length; i++) {
          const c = custom[i]!;
          const r = parseValue(c.column, v[c.idx] ?? null);
          if (!r.ok) {
            bad = reason(VALUE_REASON[r.error] ?? "INVALID_VALUE", { column: labelOf(c.idx) });
            break;
          }
          if (r.value === null) continue;
          if (data.length > 1) data += ",";
          data += `${keyJson[i]}:${JSON.stringify(r.value)}`;
        }
        if (bad) {
          reject(row.rowNumber, bad, v);
          continue;
        }
        data += "}";
        if (suppressed.size > 0) {
          const hit =
            (email !== null &&
              suppressed.has(`email:${addressHash("email", email.toLowerCase())}`)) ||
            (phone !== null && suppressed.has(`sms:${addressHash("sms", phone)}`));
          if (hit) {
            suppressedCount++;
            if (rejected.length < REPORT_MAX_ROWS)
              rejected.push({ rowNumber: row.rowNumber, reason: reason("SUPPRESSED"), raw: v });
            continue;
          }
        }
        dupRow.rowNumber = row.rowNumber;
        dupRow.email = email;
        dupRow.phone = phone;
        const dup = deduper.check(dupRow);
        if (dup) {
          reject(row.rowNumber, duplicateReason(dup), v);
          continue;
        }
        const first = firstIdx >= 0 ? (v[firstIdx] ?? "").trim().slice(0, 200) || null : null;
        const last = lastIdx >= 0 ? (v[lastIdx] ?? "").trim().slice(0, 200) || null : null;
        const p = writer.add(row.rowNumber, email, phone, first, last, data);
        if (p) await p;
      }
    }
    await writer.finish();
  } catch (err) {
    await writer.abort();
    throw err;
  }
  await db.update(imports).set({ processedRows: total }).where(eq(imports.id, imp.id));
  return { header, total, suppressed: suppressedCount, rejectedCount, rejected };
}

/** The organisation's suppressed addresses as "channel:hash" (empty for most organisations). */
async function loadSuppressions(db: Db, orgId: string): Promise<Set<string>> {
  const rows = await db
    .select({ channel: suppressions.channel, hash: suppressions.hash })
    .from(suppressions)
    .where(eq(suppressions.orgId, orgId));
  return new Set(rows.map((r) => `${r.channel}:${r.hash}`));
}

async function registerIsEmpty(db: Db, imp: Import): Promise<boolean> {
  const [any] = await queryRows<{ x: number }>(
    db,
    sql`select 1 as x from contacts where register_id = ${imp.registerId}::uuid limit 1`,
  );
  return !any;
}

/**
 * After a direct load: the consent events of a "subscribed" import for the contacts it created
 * (those of the register with its timestamp), in the load's transaction.
 */
async function recordImportConsent(db: Db, imp: Import, now: Date) {
  if (imp.consent !== "subscribed") return;
  const ts = now.toISOString();
  await db.execute(sql`
    insert into consent_events (org_id, register_id, contact_id, channel, action, source,
                                wording, actor_id, created_at)
    select ${imp.orgId}::uuid, ${imp.registerId}::uuid, c.id, ch.channel::consent_channel,
           'subscribe'::consent_action, 'import'::consent_source, '', ${imp.createdBy}::uuid,
           ${ts}::timestamptz
    from contacts c cross join lateral (values ('email', c.email), ('sms', c.phone)) ch(channel, addr)
    where c.register_id = ${imp.registerId}::uuid and c.org_id = ${imp.orgId}::uuid
      and c.created_at = ${ts}::timestamptz and ch.addr is not null`);
}

type Classified = { matched: number; rejects: { rn: number; reject: string }[] };

/**
 * Finds each staged row's contact (by e-mail and/or phone as the import's dedupe says) and turns
 * away rows that would break the register's uniqueness (address owned by another contact, two
 * rows for one contact) or, in update mode, have no contact. Set-based SQL, no per-row queries.
 * The result goes to the match table (see `matchTable`): a row there for every staged row with an
 * owner or a reject; a staged row without one is a new contact.
 */
async function classify(h: DbHandle, imp: Import, table: string): Promise<Classified> {
  const db = h.db;
  const t = sql.raw(table);
  const m = sql.raw(matchTable(table));
  const reg = imp.registerId;
  // An empty register (the first import): nothing to match, nothing taken.
  if (await registerIsEmpty(db, imp)) {
    if (imp.mode !== "update") return { matched: 0, rejects: [] };
    const rows = await queryRows<{ rn: number }>(db, sql`select rn from ${t} order by rn`);
    return {
      matched: 0,
      rejects: rows.map((r) => ({ rn: Number(r.rn), reject: "NOT_IN_REGISTER" })),
    };
  }
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await raiseWorkMem(h, tx);
    // Statistics for the joins (a fresh staging table has none; sampling takes well under 1 s).
    await tx.execute(sql`analyze ${t}`);
    const match =
      imp.dedupe === "email"
        ? sql`e.id`
        : imp.dedupe === "phone"
          ? sql`p.id`
          : sql`coalesce(e.id, p.id)`;
    await tx.execute(sql`
      insert into ${m} (rn, email_owner, phone_owner, match_id)
      select s.rn, e.id, p.id, ${match}
      from ${t} s
      left join contacts e on e.register_id = ${reg}::uuid and e.email is not null
        and lower(e.email) = s.email_l
      left join contacts p on p.register_id = ${reg}::uuid and p.phone is not null
        and p.phone = s.phone
      where e.id is not null or p.id is not null`);
    // And for the match table, which every later statement and the merge join (without them the
    // planner took it for empty and chose nested loops: 73 s to merge 20,000 unchanged rows).
    await tx.execute(sql`analyze ${m}`);
    if (imp.mode === "update") {
      await tx.execute(sql`update ${m} set reject = 'NOT_IN_REGISTER' where match_id is null`);
      await tx.execute(sql`
        insert into ${m} (rn, reject)
        select s.rn, 'NOT_IN_REGISTER' from ${t} s
        where not exists (select 1 from ${m} x where x.rn = s.rn)`);
    }
    if (imp.mode !== "add") {
      // A matched row may not take an address another contact has; a new row may not either.
      await tx.execute(sql`
        update ${m} set reject = case
          when email_owner is not null and email_owner is distinct from match_id then 'EMAIL_TAKEN'
          else 'PHONE_TAKEN' end
        where reject is null
          and ((email_owner is not null and email_owner is distinct from match_id)
            or (phone_owner is not null and phone_owner is distinct from match_id))`);
      await tx.execute(sql`
        update ${m} x set reject = 'SAME_CONTACT_TWICE'
        from (select rn, row_number() over (partition by match_id order by rn) k
              from ${m} where match_id is not null and reject is null) d
        where d.rn = x.rn and d.k > 1`);
    } else {
      // Add mode skips rows of existing contacts; a new row whose other address is taken is turned away.
      await tx.execute(sql`
        update ${m} set reject = case when email_owner is not null then 'EMAIL_TAKEN' else 'PHONE_TAKEN' end
        where match_id is null`);
    }
    const rejects = await queryRows<{ rn: number; reject: string }>(
      tx,
      sql`select rn, reject from ${m} where reject is not null order by rn`,
    );
    const [n] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${m} where match_id is not null and reject is null`,
    );
    return {
      matched: Number(n?.n ?? 0),
      rejects: rejects.map((r) => ({ rn: Number(r.rn), reject: r.reject })),
    };
  });
}

/**
 * A time-ordered UUID (version 7) made in SQL, for contacts a staged import inserts: the clock's
 * milliseconds in the first 48 bits of a random v4 UUID, its version nibble turned into 7. New
 * contacts then append to the primary keys of `contacts` and `contact_facets` instead of landing
 * on random leaves (as the direct first import's Node-made ids do; PostgreSQL 15 has no uuidv7()).
 */
const UUID7_SQL = sql.raw(
  `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing ` +
    `substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) ` +
    `from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`,
);

/**
 * Lets the hash joins and sorts over a million staged rows and contacts run in memory instead of
 * spilling to disk in batches (for the rest of the caller's transaction). Not on PGlite, whose
 * memory is the browser-sized WebAssembly heap of this process.
 */
async function raiseWorkMem(h: DbHandle, tx: Db) {
  if (h.kind !== "pglite") await tx.execute(sql.raw(`set local work_mem = '${MATCH_WORK_MEM}'`));
}

/** Inserts new contacts and updates changed ones from the staging table (inside the caller's transaction). */
async function merge(h: DbHandle, db: Db, imp: Import, table: string, now: Date) {
  const t = sql.raw(table);
  const m = sql.raw(matchTable(table));
  const ts = now.toISOString();
  await raiseWorkMem(h, db);
  let inserted = 0;
  if (imp.mode !== "update") {
    const subscribed = imp.consent === "subscribed";
    const status = (col: string) =>
      subscribed
        ? sql`case when ${sql.raw(col)} is not null then 'subscribed' else 'none' end::consent_status`
        : sql`'none'::consent_status`;
    // A staged row without a match-table row is a new contact.
    const [r] = await queryRows<{ n: number }>(
      db,
      sql`
      with ins as (
        insert into contacts (id, org_id, register_id, email, phone, first_name, last_name, data,
                              email_status, sms_status, created_at, updated_at)
        select ${UUID7_SQL}, ${imp.orgId}::uuid, ${imp.registerId}::uuid, email, phone, coalesce(first_name, ''),
               coalesce(last_name, ''), data, ${status("email")}, ${status("phone")},
               ${ts}::timestamptz, ${ts}::timestamptz
        from ${t} s where not exists (select 1 from ${m} x where x.rn = s.rn) order by rn
        returning id, email, phone
      ), ev as (
        insert into consent_events (org_id, register_id, contact_id, channel, action, source,
                                    wording, actor_id, created_at)
        select ${imp.orgId}::uuid, ${imp.registerId}::uuid, ins.id, ch.channel::consent_channel,
               'subscribe'::consent_action, 'import'::consent_source, '', ${imp.createdBy}::uuid,
               ${ts}::timestamptz
        from ins cross join lateral (values ('email', ins.email), ('sms', ins.phone)) ch(channel, addr)
        where ${subscribed}::boolean and ch.addr is not null
      )
      select count(*)::int as n from ins`,
    );
    inserted = Number(r?.n ?? 0);
  }
  let updated = 0;
  if (imp.mode !== "add") {
    // Empty cells never clear a value; a row equal to the contact does not touch it at all.
    const [r] = await queryRows<{ n: number }>(
      db,
      sql`
      with upd as (
        update contacts c set
          email = coalesce(s.email, c.email),
          phone = coalesce(s.phone, c.phone),
          first_name = coalesce(s.first_name, c.first_name),
          last_name = coalesce(s.last_name, c.last_name),
          data = c.data || s.data,
          updated_at = ${ts}::timestamptz
        from ${m} x join ${t} s on s.rn = x.rn
        where x.match_id = c.id and x.reject is null
          and c.register_id = ${imp.registerId}::uuid and c.org_id = ${imp.orgId}::uuid
          and ((coalesce(s.email, c.email), coalesce(s.phone, c.phone),
                coalesce(s.first_name, c.first_name), coalesce(s.last_name, c.last_name))
              is distinct from (c.email, c.phone, c.first_name, c.last_name)
            -- The same values (a re-import of an export) compare without building the merged
            -- jsonb: 4.5 s instead of 10.4 s over 1,000,000 unchanged rows.
            or not (s.data = c.data or c.data || s.data = c.data))
        returning 1
      ) select count(*)::int as n from upd`,
    );
    updated = Number(r?.n ?? 0);
  }
  return { inserted, updated };
}

/** The original cells of the given rows, from a second read of the file (for merge-time rejects). */
async function rawValues(db: Db, imp: Import, rns: Set<number>, max: number) {
  const out = new Map<number, string[]>();
  if (max <= 0) return out;
  const source = await openImportRows(db, imp);
  for await (const row of source.rows) {
    if (rns.has(row.rowNumber)) {
      out.set(row.rowNumber, row.values);
      if (out.size >= Math.min(max, rns.size)) break;
    }
  }
  return out;
}

/** Stores the rejected-rows report (CSV, in the language of the user who started the import). */
async function writeReport(
  db: Db,
  imp: Import,
  header: string[],
  rejected: RejectedRow[],
  total: number,
): Promise<string> {
  let locale: "fi" | "en" = "fi";
  if (imp.createdBy) {
    const [u] = await db
      .select({ locale: users.locale })
      .from(users)
      .where(inArray(users.id, [imp.createdBy]));
    if (u?.locale === "en") locale = "en";
  }
  const messages = await loadMessages(locale);
  const tr = createTranslator({ locale, messages });
  const t = (key: string, params?: Record<string, string | number>) =>
    tr(key as never, params as never);
  const rows = [...rejected];
  if (total > rejected.length) {
    rows.push({
      rowNumber: 0,
      reason: { key: "import.reasons.MORE_NOT_LISTED", params: { count: total - rejected.length } },
      raw: [],
    });
  }
  const csv = rejectedRowsCsv(rows, {
    header,
    labels: { row: t("import.report.row"), reason: t("import.report.reason") },
    t,
  });
  const base = imp.fileName.replace(/\.[^.]*$/, "");
  const file = await storeFile(
    db,
    {
      orgId: imp.orgId,
      purpose: "import_report",
      name: `${base}-${t("import.report.fileSuffix")}.csv`,
      contentType: "text/csv; charset=utf-8",
      createdBy: imp.createdBy,
      expiresAt: new Date(Date.now() + REPORT_DAYS * 86_400_000),
    },
    [Buffer.from(csv, "utf8")],
  );
  return file.id;
}
