import type { Db } from "@/db";
import type { imports } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { readFile } from "@/lib/files/store";
import type { CsvDelimiter, CsvEncoding } from "./detect";
import { detectCsv } from "./detect";
import { readCsvBatches } from "./fast-csv";
import { readCsv, type CsvRow } from "./read-csv";
import { readXlsx } from "./read-xlsx";

type ImportRow = Pick<
  typeof imports.$inferSelect,
  "orgId" | "fileId" | "format" | "encoding" | "delimiter"
>;

export type RowSource = { header: string[]; rows: AsyncIterable<CsvRow> };

/**
 * The rows of an import's stored upload, CSV or .xlsx alike, read chunk by chunk from Postgres
 * (the encoding and delimiter detected at upload are reused, so the job reads what the preview
 * showed).
 */
export async function openImportRows(
  db: Db,
  imp: ImportRow,
  opts: { maxRows?: number } = {},
): Promise<RowSource> {
  if (!imp.fileId) throw new AppError("BAD_REQUEST", { userMessage: "import.errors.FILE_EXPIRED" });
  const bytes = readFile(db, imp.orgId, imp.fileId);
  if (imp.format === "xlsx") return readXlsx(bytes, opts);
  return readCsv(bytes, {
    encoding: (imp.encoding as CsvEncoding | null) ?? undefined,
    delimiter: (imp.delimiter as CsvDelimiter | null) ?? undefined,
    maxRows: opts.maxRows,
  });
}

/** Rows of the xlsx reader grouped like the CSV batches. */
async function* batched(rows: AsyncIterable<CsvRow>, size = 1000): AsyncGenerator<CsvRow[]> {
  let batch: CsvRow[] = [];
  for await (const r of rows) {
    batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The whole file for the import job, as batches of rows (CSV through the chunk parser, so no
 * per-row promise; .xlsx rows grouped by 1000). Same rows and row numbers as openImportRows.
 */
export async function openImportBatches(
  db: Db,
  imp: ImportRow,
): Promise<{ header: string[]; batches: AsyncIterable<CsvRow[]> }> {
  if (!imp.fileId) throw new AppError("BAD_REQUEST", { userMessage: "import.errors.FILE_EXPIRED" });
  const bytes = readFile(db, imp.orgId, imp.fileId);
  if (imp.format === "xlsx") {
    const r = await readXlsx(bytes);
    return { header: r.header, batches: batched(r.rows) };
  }
  const known = {
    encoding: imp.encoding as CsvEncoding | null,
    delimiter: imp.delimiter as CsvDelimiter | null,
  };
  if (known.encoding && known.delimiter)
    return readCsvBatches(bytes, { encoding: known.encoding, delimiter: known.delimiter });
  // Detected at upload; only a row written by hand lacks them.
  const first = await readFile(db, imp.orgId, imp.fileId).next();
  const sample = first.done ? new Uint8Array() : first.value.subarray(0, 64 * 1024);
  return readCsvBatches(bytes, detectCsv(sample, known));
}
