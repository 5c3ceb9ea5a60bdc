import type { Db } from "@/db";
import type { imports } from "@/db/schema";
import { readFile } from "@/lib/files/store";
import type { CsvDelimiter, CsvEncoding } from "./detect";
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
  if (!imp.fileId) throw new Error("import has no file");
  const bytes = readFile(db, imp.orgId, imp.fileId);
  if (imp.format === "xlsx") return readXlsx(bytes, opts);
  return readCsv(bytes, {
    encoding: (imp.encoding as CsvEncoding | null) ?? undefined,
    delimiter: (imp.delimiter as CsvDelimiter | null) ?? undefined,
    maxRows: opts.maxRows,
  });
}
