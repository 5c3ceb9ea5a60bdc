import { PassThrough } from "node:stream";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import ExcelJS from "exceljs";
import { queryRows, type Db } from "@/db";
import { contacts, exports } from "@/db/schema";
import { auditTranslator, type Translate } from "@/lib/audit/describe";
import { storeFile } from "@/lib/files/store";
import { storedFiles } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { getRegisterOrThrow, listColumns } from "@/lib/registers/registers";
import { countWhere, getSegmentOrThrow, segmentCondition } from "@/lib/segments/segments";
import {
  cellOf,
  csvField,
  CSV_DELIMITER,
  neutralise,
  type ExportColumn,
  type ExportRow,
} from "./format";

export const EXPORT_BATCH = 2000;
export const EXPORT_TTL_DAYS = 7;

type Payload = { orgId: string; exportId: string; segmentId?: string | null; locale: Locale };

function exportColumns(
  t: Translate,
  custom: { key: string; label: string; type: ExportColumn["type"] }[],
): ExportColumn[] {
  return [
    { key: "email", label: t("contacts.email"), type: "builtin_text" },
    { key: "phone", label: t("contacts.phone"), type: "builtin_text" },
    { key: "firstName", label: t("contacts.firstName"), type: "builtin_text" },
    { key: "lastName", label: t("contacts.lastName"), type: "builtin_text" },
    ...custom.map((c) => ({ key: c.key, label: c.label, type: c.type })),
    { key: "emailStatus", label: t("segments.fields.emailStatus"), type: "status" },
    { key: "smsStatus", label: t("segments.fields.smsStatus"), type: "status" },
    { key: "createdAt", label: t("segments.fields.createdAt"), type: "created" },
  ];
}

/** The matching contacts in keyset batches of (created_at, id), one batch in memory at a time. */
async function* batches(db: Db, where: SQL): AsyncGenerator<ExportRow[]> {
  let after: [string, string] | null = null;
  for (;;) {
    const rows: (ExportRow & { id: string; k: string })[] = await queryRows(
      db,
      sql`select id, email, phone, first_name as "firstName", last_name as "lastName", data,
            email_status::text as "emailStatus", sms_status::text as "smsStatus",
            to_char(created_at at time zone 'Europe/Helsinki', 'YYYY-MM-DD"T"HH24:MI:SS') as "createdAt",
            created_at::text as k
          from ${contacts}
          where ${where}
            ${after ? sql`and (${contacts.createdAt}, ${contacts.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
          order by ${contacts.createdAt}, ${contacts.id} limit ${EXPORT_BATCH}`,
    );
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = [last.k, last.id];
    if (rows.length < EXPORT_BATCH) return;
  }
}

const safeSheetName = (s: string) =>
  s
    .replace(/[[\]:*?/\\]/g, " ")
    .slice(0, 31)
    .trim() || "Export";
/** A file-name-safe ASCII slug of a name (ä → a), "export" when nothing is left. */
export const fileSlug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "export";

/**
 * Produces one export's file (the export job's body). Idempotent: a finished export is left as
 * it is, and when two runs race (a crash and a retry) only the first finished file is linked —
 * the other is deleted. Progress (processedRows) is written after every batch.
 */
export async function runExport(db: Db, payload: Payload): Promise<void> {
  const [ex] = await db
    .select()
    .from(exports)
    .where(and(eq(exports.id, payload.exportId), eq(exports.orgId, payload.orgId)));
  if (!ex || ex.status === "done") return;
  const fail = async (error: string) => {
    await db
      .update(exports)
      .set({ status: "failed", error, finishedAt: new Date() })
      .where(and(eq(exports.id, ex.id), ne(exports.status, "done")));
  };
  const register = await getRegisterOrThrow(db, ex.orgId, ex.registerId);
  let where: SQL;
  if (ex.segmentId) {
    where = await segmentCondition(
      db,
      ex.orgId,
      await getSegmentOrThrow(db, ex.orgId, ex.segmentId),
    );
  } else if (payload.segmentId) {
    // The segment was deleted after the export was asked for: never export the whole register.
    return fail("exports.errors.segmentDeleted");
  } else {
    where = sql`(${contacts.orgId} = ${ex.orgId} and ${contacts.registerId} = ${ex.registerId})`;
  }
  const t = await auditTranslator(payload.locale);
  const total = await countWhere(db, where);
  await db
    .update(exports)
    .set({ status: "running", totalRows: total, processedRows: 0, error: null })
    .where(eq(exports.id, ex.id));
  const cols = exportColumns(t, await listColumns(db, ex.orgId, ex.registerId));
  const words = {
    yes: t("exports.yes"),
    no: t("exports.no"),
    status: (s: string) => t(`segments.statuses.${s}`),
  };
  let done = 0;
  const progress = async (n: number) => {
    done += n;
    await db.update(exports).set({ processedRows: done }).where(eq(exports.id, ex.id));
  };
  const day = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Helsinki" });
  const name = `${fileSlug(register.name)}-${day}.${ex.format}`;
  const meta = {
    orgId: ex.orgId,
    purpose: "export" as const,
    name,
    contentType:
      ex.format === "csv"
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    createdBy: ex.createdBy,
    expiresAt: new Date(Date.now() + EXPORT_TTL_DAYS * 86400_000),
  };
  const file =
    ex.format === "csv"
      ? await storeFile(db, meta, csvBytes(db, where, cols, words, progress))
      : await xlsxFile(db, meta, where, cols, words, progress, safeSheetName(register.name));
  const linked = await db
    .update(exports)
    .set({ status: "done", fileId: file.id, processedRows: done, finishedAt: new Date() })
    .where(and(eq(exports.id, ex.id), ne(exports.status, "done")))
    .returning({ id: exports.id });
  if (linked.length === 0) await db.delete(storedFiles).where(eq(storedFiles.id, file.id));
  // A rerun after a crash that had already linked a file (then lost its status) replaces it.
  else if (ex.fileId && ex.fileId !== file.id)
    await db.delete(storedFiles).where(eq(storedFiles.id, ex.fileId));
}

type Words = Parameters<typeof cellOf>[2];

async function* csvBytes(
  db: Db,
  where: SQL,
  cols: ExportColumn[],
  words: Words,
  progress: (n: number) => Promise<void>,
): AsyncGenerator<Buffer> {
  // UTF-8 with BOM so Excel reads ä and ö right; CRLF line ends as RFC 4180 has them.
  const header = cols.map((c) => csvField(neutralise(c.label), c)).join(CSV_DELIMITER);
  yield Buffer.from(`\ufeff${header}\r\n`, "utf8");
  for await (const rows of batches(db, where)) {
    const lines = rows.map(
      (r) => cols.map((c) => csvField(cellOf(c, r, words), c)).join(CSV_DELIMITER) + "\r\n",
    );
    yield Buffer.from(lines.join(""), "utf8");
    await progress(rows.length);
  }
}

async function xlsxFile(
  db: Db,
  meta: Parameters<typeof storeFile>[1],
  where: SQL,
  cols: ExportColumn[],
  words: Words,
  progress: (n: number) => Promise<void>,
  sheetName: string,
) {
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const ws = wb.addWorksheet(sheetName);
  ws.columns = cols.map((c) => ({
    header: neutralise(c.label),
    key: c.key,
    width: c.type === "created" ? 18 : 20,
    style:
      c.type === "date"
        ? { numFmt: "d.m.yyyy" }
        : c.type === "created"
          ? { numFmt: "d.m.yyyy h:mm" }
          : {},
  }));
  const write = (async () => {
    try {
      for await (const rows of batches(db, where)) {
        for (const r of rows) ws.addRow(cols.map((c) => cellOf(c, r, words))).commit();
        await progress(rows.length);
      }
      ws.commit();
      await wb.commit();
    } catch (err) {
      stream.destroy(err as Error);
      throw err;
    }
  })();
  const [file] = await Promise.all([storeFile(db, meta, stream), write]);
  return file;
}

/** Marks an unfinished export failed (the job's last word when a run throws; a retry resets it). */
export async function markExportFailed(db: Db, orgId: string, exportId: string, error: string) {
  await db
    .update(exports)
    .set({ status: "failed", error, finishedAt: new Date() })
    .where(and(eq(exports.id, exportId), eq(exports.orgId, orgId), ne(exports.status, "done")));
}
