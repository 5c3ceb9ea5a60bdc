import { pipeline, Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { AppError, isAppError } from "@/lib/errors";
import { detectCsv, type CsvDelimiter, type CsvEncoding } from "./detect";

/** One data row; `rowNumber` is the spreadsheet row (the header is row 1, data starts at 2). */
export type CsvRow = { rowNumber: number; values: string[] };

export type CsvReader = {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Header cells, trimmed (a file without one throws "import.errors.EMPTY_FILE"). */
  header: string[];
  /** Data rows in file order, read lazily; blank lines are skipped but keep their row number. */
  rows: AsyncIterable<CsvRow>;
};

export type ReadCsvOptions = {
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  /** Stop after this many data rows (for previews). */
  maxRows?: number;
};

/** How many bytes are looked at to detect the encoding and the delimiter. */
const SAMPLE_BYTES = 64 * 1024;

type ByteSource = AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return new TextEncoder().encode(chunk);
  throw new TypeError("readCsv expects a byte stream");
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Decodes byte chunks to text as they come; a character split across chunks is kept whole. */
async function* decode(
  first: Uint8Array,
  rest: AsyncIterator<unknown>,
  encoding: CsvEncoding,
): AsyncGenerator<string> {
  // The UTF-8 decoder drops a leading BOM; the Windows-1252 one has none to drop.
  const decoder = new TextDecoder(encoding === "windows-1252" ? "windows-1252" : "utf-8");
  let done = false;
  try {
    let text = decoder.decode(first, { stream: true });
    if (text) yield text;
    for (let r = await rest.next(); !r.done; r = await rest.next()) {
      text = decoder.decode(toBytes(r.value), { stream: true });
      if (text) yield text;
    }
    done = true;
    text = decoder.decode();
    if (text) yield text;
  } finally {
    if (!done) await rest.return?.(); // stopped early: let the source close its file
  }
}

function isBlank(values: string[]): boolean {
  return values.every((v) => v.trim() === "");
}

/**
 * Streams a CSV file: detects the encoding and delimiter from the first 64 KB unless given,
 * decodes incrementally and parses with csv-parse (quoted delimiters and newlines, CRLF, rows with
 * too few or too many cells are passed on for the caller to report). Never holds the whole file.
 * Throws AppError BAD_REQUEST "import.errors.MALFORMED|line=N" (N where parsing stopped) for a
 * quote that never closes, and "import.errors.EMPTY_FILE" when there is no header row.
 */
export async function readCsv(source: ByteSource, opts: ReadCsvOptions = {}): Promise<CsvReader> {
  const it = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  // Collect the sample for detection; the rest stays unread in the source.
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < SAMPLE_BYTES) {
    const r = await it.next();
    if (r.done) break;
    const bytes = toBytes(r.value);
    head.push(bytes);
    headBytes += bytes.length;
  }
  const sample = concat(head);
  const { encoding, delimiter } = detectCsv(sample, opts);

  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, bom: true });
  // pipeline passes a source error on to the parser (and so to the reader) and, when the reader
  // stops early, closes the source too.
  pipeline(Readable.from(decode(sample, it, encoding)), parser, () => {});
  const records = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      return await records.next();
    } catch (e) {
      parser.destroy();
      if (e instanceof CsvError) {
        const line = (e as CsvError & { lines?: number }).lines ?? 0;
        throw new AppError("BAD_REQUEST", {
          message: e.message,
          userMessage: `import.errors.MALFORMED|line=${line}`,
        });
      }
      throw e;
    }
  };

  // The header is the first non-blank record; its row number is whatever line it is on.
  let rowNumber = 0;
  let header: string[] = [];
  for (let r = await next(); !r.done; r = await next()) {
    rowNumber++;
    if (!isBlank(r.value)) {
      header = r.value.map((h) => h.trim());
      break;
    }
  }
  if (header.length === 0) {
    parser.destroy();
    throw new AppError("BAD_REQUEST", { userMessage: "import.errors.EMPTY_FILE" });
  }
  const maxRows = opts.maxRows ?? Infinity;
  async function* rows(): AsyncGenerator<CsvRow> {
    let count = 0;
    try {
      while (count < maxRows) {
        const r = await next();
        if (r.done) break;
        rowNumber++;
        if (isBlank(r.value)) continue;
        count++;
        yield { rowNumber, values: r.value };
      }
    } finally {
      parser.destroy();
    }
  }
  return { encoding, delimiter, header, rows: rows() };
}

export type CsvPreview = {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  header: string[];
  rows: CsvRow[];
};

/**
 * Reads the first `n` data rows for the preview screen. With `partial` the bytes are only the
 * beginning of a larger upload: the last, possibly cut, line is dropped, and if the cut leaves a
 * quoted value open, earlier line ends are tried (a quoted value may span lines).
 */
export async function previewCsv(
  bytes: Uint8Array,
  n = 20,
  opts: { partial?: boolean } = {},
): Promise<CsvPreview> {
  let end = opts.partial ? bytes.lastIndexOf(0x0a) + 1 : bytes.length;
  for (let attempt = 0; ; attempt++) {
    try {
      return await previewBytes(end > 0 ? bytes.subarray(0, end) : bytes, n);
    } catch (e) {
      const malformed = isAppError(e) && e.userMessage.startsWith("import.errors.MALFORMED");
      // 0x0A is a line feed in both UTF-8 and Windows-1252, never part of another character.
      const earlier = end > 1 ? bytes.lastIndexOf(0x0a, end - 2) + 1 : 0;
      if (!opts.partial || !malformed || attempt >= 50 || earlier <= 0) throw e;
      end = earlier;
    }
  }
}

async function previewBytes(bytes: Uint8Array, n: number): Promise<CsvPreview> {
  async function* one() {
    yield bytes;
  }
  const reader = await readCsv(one(), { maxRows: n });
  const rows: CsvRow[] = [];
  for await (const row of reader.rows) rows.push(row);
  return { encoding: reader.encoding, delimiter: reader.delimiter, header: reader.header, rows };
}

/** The report reason for a row whose cell count differs from the header's, or null. */
export function columnCountProblem(row: CsvRow, headerLength: number) {
  if (row.values.length === headerLength) return null;
  return {
    key: "import.reasons.COLUMN_COUNT",
    params: { count: row.values.length, expected: headerLength },
  } as const;
}
