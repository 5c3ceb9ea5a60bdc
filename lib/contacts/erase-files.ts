import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db";
import { storedFiles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { addressHash } from "@/lib/consent/address-hash";
import { readFile } from "@/lib/files/store";
import { detectCsv, isZip } from "@/lib/import/detect";
import { readCsvBatches } from "@/lib/import/fast-csv";
import { cellText } from "@/lib/import/read-xlsx";
import { normalizeEmail } from "@/lib/registers/values";
import { normalizePhone } from "@/lib/sms/phone";

/**
 * The second half of an erasure (R11): the organisation's kept files — import uploads, import
 * reports and exports — hold many people's rows each, so one person cannot be cut out of them.
 * Every such file is read (CSV in any detected encoding and delimiter, every worksheet of an
 * .xlsx) and a file that mentions one of the person's addresses is deleted whole. The job gets
 * only the addresses' hashes, so the address is not kept in the job queue either.
 */
export const SCANNED_PURPOSES = ["import_upload", "import_report", "export"] as const;

const EMAIL_TOKEN = /[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+/g;

/**
 * Whether one cell holds one of the addresses (hashed as `addressHash` does): every e-mail-like
 * token in it, and the cell as a phone number in any format the import accepts — or, when it is
 * only digits, as a Finnish number whose leading 0 a spreadsheet dropped.
 */
export function cellMentions(cell: string, hashes: ReadonlySet<string>): boolean {
  if (cell.includes("@")) {
    for (const m of cell.matchAll(EMAIL_TOKEN)) {
      const email = normalizeEmail(m[0].replace(/^mailto:/i, "").replace(/\.$/, ""));
      if (email && hashes.has(addressHash("email", email))) return true;
    }
  }
  let digits = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 7 || digits > 16) return false;
  const phone = normalizePhone(cell);
  if (phone && hashes.has(addressHash("sms", phone))) return true;
  if (/^\d{8,10}$/.test(cell.trim())) {
    const fi = normalizePhone(`0${cell.trim()}`);
    if (fi && hashes.has(addressHash("sms", fi))) return true;
  }
  return false;
}

const anyMention = (values: string[], hashes: ReadonlySet<string>) =>
  values.some((v) => v !== "" && cellMentions(v, hashes));

/** A failure reading the stored bytes (the database), as opposed to bytes that do not parse. */
class ReadError extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

async function* prepend(first: Buffer, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  try {
    yield* rest;
  } catch (e) {
    throw new ReadError(e);
  }
}

/**
 * Whether a stored file mentions one of the addresses. Reads chunk by chunk (one in memory at a
 * time) and stops at the first mention. Throws when the file cannot be read as CSV or .xlsx.
 */
export async function fileMentions(
  db: Db,
  orgId: string,
  fileId: string,
  hashes: ReadonlySet<string>,
): Promise<boolean> {
  const chunks = readFile(db, orgId, fileId);
  let first: IteratorResult<Buffer>;
  try {
    first = await chunks.next();
  } catch (e) {
    throw (e as { code?: string }).code === "NOT_FOUND" ? e : new ReadError(e);
  }
  if (first.done) return false;
  const bytes = prepend(first.value, chunks);
  const head = first.value;
  if (isZip(head)) return xlsxMentions(bytes, hashes);
  const { encoding, delimiter } = detectCsv(head.subarray(0, 64 * 1024));
  let csv: Awaited<ReturnType<typeof readCsvBatches>>;
  try {
    csv = await readCsvBatches(bytes, { encoding, delimiter });
  } catch (e) {
    // A file of blank lines mentions nobody.
    if ((e as { userMessage?: string }).userMessage === "import.errors.EMPTY_FILE") return false;
    throw e;
  }
  // The header too: a file without a header row has a person in its first line.
  if (anyMention(csv.header, hashes)) {
    await csv.batches[Symbol.asyncIterator]().return?.(undefined);
    return true;
  }
  for await (const batch of csv.batches) {
    for (const row of batch) if (anyMention(row.values, hashes)) return true;
  }
  return false;
}

/** Every cell of every worksheet (the import reads only the first; an upload may have more). */
async function xlsxMentions(
  bytes: AsyncIterable<Uint8Array>,
  hashes: ReadonlySet<string>,
): Promise<boolean> {
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    entries: "emit",
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>);
  for await (const sheet of wb as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const raw = (row.values ?? []) as unknown[];
      for (let i = 1; i < raw.length; i++) {
        const v = cellText(raw[i]).trim();
        if (v !== "" && cellMentions(v, hashes)) return true;
      }
    }
  }
  return false;
}

export type FilesErasure = { checked: number; deleted: number; unreadable: number };

/**
 * Deletes the organisation's import uploads, import reports and exports made up to `before`
 * that mention one of the hashed addresses. A file that cannot be read is deleted as well: it
 * cannot be shown not to hold the person. Images are never touched. Idempotent: a rerun after a
 * crash reads the files that are left. Audited as `person.files_erased` with the counts.
 */
export async function eraseFromStoredFiles(
  db: Db,
  data: {
    orgId: string;
    hashes: string[];
    before: string;
    actorId?: string | null;
    actorEmail?: string | null;
  },
  log?: { warn: (obj: object, msg: string) => void },
): Promise<FilesErasure> {
  const hashes = new Set(data.hashes);
  const files = await db
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.orgId, data.orgId),
        inArray(storedFiles.purpose, [...SCANNED_PURPOSES]),
        lte(storedFiles.createdAt, new Date(data.before)),
      ),
    )
    .orderBy(asc(storedFiles.createdAt));
  const result: FilesErasure = { checked: 0, deleted: 0, unreadable: 0 };
  for (const f of files) {
    let mentions: boolean;
    try {
      mentions = await fileMentions(db, data.orgId, f.id, hashes);
    } catch (e) {
      // Gone meanwhile (expired, deleted by the user): nothing left to erase.
      if ((e as { code?: string }).code === "NOT_FOUND") continue;
      // The database failed, not the file: the job's retry reads it again.
      if (e instanceof ReadError) throw e.original;
      log?.warn({ fileId: f.id, err: e }, "erasure: file could not be read, deleting it");
      mentions = true;
      result.unreadable++;
    }
    result.checked++;
    if (!mentions) continue;
    const gone = await db
      .delete(storedFiles)
      .where(and(eq(storedFiles.orgId, data.orgId), eq(storedFiles.id, f.id)))
      .returning({ id: storedFiles.id });
    result.deleted += gone.length;
  }
  await recordAudit(db, {
    orgId: data.orgId,
    actorId: data.actorId ?? null,
    actorEmail: data.actorEmail ?? null,
    action: "person.files_erased",
    targetType: "person",
    targetId: data.hashes[0]!.slice(0, 16),
    ip: null,
    details: { ...result, count: result.deleted },
  });
  return result;
}
