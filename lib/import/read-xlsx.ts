import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import type { CsvRow } from "./read-csv";

export type XlsxReader = {
  /** Header cells of the first worksheet's first non-blank row, trimmed. */
  header: string[];
  /** Data rows in sheet order, each padded to the header's width; blank rows are skipped. */
  rows: AsyncIterable<CsvRow>;
};

type ByteSource = AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * One cell as the text `parseValue` accepts: dates as yyyy-mm-dd (Excel stores local wall time,
 * which exceljs hands over as a UTC Date), numbers with a decimal point, booleans as true/false,
 * rich text joined, formulas by their cached result, hyperlinks by their text.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    const ymd = `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
    const hms = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    return hms === 0 ? ymd : `${ymd} ${pad2(value.getUTCHours())}:${pad2(value.getUTCMinutes())}`;
  }
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("result" in v) return cellText(v.result);
    if ("formula" in v || "sharedFormula" in v) return "";
    if ("text" in v) return cellText(v.text);
    if ("error" in v) return "";
  }
  return String(value);
}

function isBlank(values: string[]): boolean {
  return values.every((v) => v.trim() === "");
}

/**
 * Streams the first worksheet of an .xlsx file with exceljs' WorkbookReader (the zip is read as
 * it arrives; shared strings and styles are cached, rows are not). The first non-blank row is the
 * header; rows come out in the same shape as `readCsv` so the import does not care about the
 * format. Throws "import.errors.EMPTY_FILE" without a header and "import.errors.NOT_XLSX" for a
 * file that is not a workbook.
 */
export async function readXlsx(
  source: ByteSource,
  opts: { maxRows?: number } = {},
): Promise<XlsxReader> {
  const input =
    source instanceof Readable ? source : Readable.from(source as AsyncIterable<Uint8Array>);
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>);

  const sheets = wb[Symbol.asyncIterator]();
  // Rows of the first worksheet, as (rowNumber, cells) pairs; later sheets are not read.
  async function* sheetRows(): AsyncGenerator<CsvRow> {
    let first: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
    try {
      first = await sheets.next();
    } catch (e) {
      throw notXlsx(e);
    }
    if (first.done) return;
    try {
      for await (const row of first.value as AsyncIterable<ExcelJS.Row>) {
        const raw = (row.values ?? []) as unknown[];
        // row.values is 1-based (index 0 is unused) and sparse.
        const values: string[] = [];
        for (let i = 1; i < raw.length; i++) values.push(cellText(raw[i]).trim());
        yield { rowNumber: row.number, values };
      }
    } catch (e) {
      throw notXlsx(e);
    }
  }

  const it = sheetRows();
  let header: string[] = [];
  for (let r = await it.next(); !r.done; r = await it.next()) {
    if (!isBlank(r.value.values)) {
      header = r.value.values.map((h) => h.trim());
      break;
    }
  }
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  if (header.length === 0) {
    await it.return(undefined);
    throw new AppError("BAD_REQUEST", { userMessage: "import.errors.EMPTY_FILE" });
  }
  const width = header.length;
  const maxRows = opts.maxRows ?? Infinity;
  async function* rows(): AsyncGenerator<CsvRow> {
    let count = 0;
    try {
      while (count < maxRows) {
        const r = await it.next();
        if (r.done) break;
        const values = r.value.values;
        if (isBlank(values)) continue;
        // Trailing empty cells beyond the header are dropped; shorter rows are padded.
        while (values.length > width && values[values.length - 1] === "") values.pop();
        while (values.length < width) values.push("");
        count++;
        yield { rowNumber: r.value.rowNumber, values };
      }
    } finally {
      await it.return(undefined);
    }
  }
  return { header, rows: rows() };
}

function notXlsx(e: unknown): unknown {
  if (e instanceof AppError) return e;
  return new AppError("BAD_REQUEST", {
    message: e instanceof Error ? e.message : String(e),
    userMessage: "import.errors.NOT_XLSX",
  });
}
