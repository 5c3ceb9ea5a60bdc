import { AppError } from "@/lib/errors";
import type { CsvDelimiter, CsvEncoding } from "./detect";
import type { CsvRow } from "./read-csv";

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** A record longer than this (usually an unclosed quote) stops the import as malformed. */
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/**
 * A CSV parser for the import job's hot path: it turns decoded text into records a whole chunk
 * at a time (no promise, stream or object per record), with the same rules as `readCsv`
 * (csv-parse with relax_quotes and relax_column_count): fields may be quoted with "" escapes and
 * newlines inside, a quote inside an unquoted field is literal, text after a closing quote is kept,
 * CRLF, LF and CR end records. A record cut by the end of a chunk is kept for the next one.
 */
export class CsvChunkParser {
  private carry = "";
  /** Records completed so far (for the line number of an error). */
  records = 0;

  constructor(private readonly delimiter: CsvDelimiter) {}

  /** Parses `text` (after what is left from earlier chunks), appending complete records to `out`. */
  push(text: string, out: string[][]): void {
    const s = this.carry ? this.carry + text : text;
    const used = this.parse(s, false, out);
    this.carry = used < s.length ? s.slice(used) : "";
    if (this.carry.length > MAX_RECORD_CHARS) this.malformed();
  }

  /** Parses what is left at the end of the file. */
  end(out: string[][]): void {
    if (this.carry) this.parse(this.carry, true, out);
    this.carry = "";
  }

  private malformed(): never {
    throw new AppError("BAD_REQUEST", {
      message: "unclosed quote",
      userMessage: `import.errors.MALFORMED|line=${this.records + 1}`,
    });
  }

  /** Returns how many characters were consumed (up to the start of an incomplete record). */
  private parse(s: string, final: boolean, out: string[][]): number {
    const n = s.length;
    const d = this.delimiter.charCodeAt(0);
    let i = 0;
    let recStart = 0;
    let record: string[] = [];
    for (;;) {
      // At the start of a field.
      let value: string;
      if (i < n && s.charCodeAt(i) === QUOTE) {
        const fieldStart = i;
        let j = i + 1;
        value = "";
        for (;;) {
          const q = s.indexOf('"', j);
          if (q === -1) {
            if (final) this.malformed();
            return recStart;
          }
          if (q + 1 >= n && !final) return recStart; // cannot tell "" from a closing quote yet
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += s.slice(j, q);
          i = q + 1;
          break;
        }
        // Text after the closing quote: the field is taken as written, quotes and all (relaxed).
        const e = this.fieldEnd(s, i, d);
        if (e === -1 && !final) return recStart;
        const end = e === -1 ? n : e;
        if (end > i) value = s.slice(fieldStart, end);
        i = end;
      } else {
        const e = this.fieldEnd(s, i, d);
        if (e === -1 && !final) return recStart;
        const end = e === -1 ? n : e;
        value = s.slice(i, end);
        i = end;
      }
      record.push(value);
      if (i >= n) {
        // The end of the text (only when final): the last record ends here.
        if (final) {
          out.push(record);
          this.records++;
        }
        return n;
      }
      const c = s.charCodeAt(i);
      if (c === d) {
        i++;
        if (i >= n && !final) return recStart;
        if (i >= n) {
          record.push("");
          out.push(record);
          this.records++;
          return n;
        }
        continue;
      }
      // A line end: CRLF, LF or CR.
      if (c === CR) {
        if (i + 1 >= n && !final) return recStart;
        i += i + 1 < n && s.charCodeAt(i + 1) === LF ? 2 : 1;
      } else {
        i++;
      }
      out.push(record);
      this.records++;
      record = [];
      recStart = i;
      if (i >= n) return n;
    }
  }

  /** The index of the next delimiter or line end from `i`, or -1. */
  private fieldEnd(s: string, i: number, d: number): number {
    const n = s.length;
    for (let k = i; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c === d || c === LF || c === CR) return k;
    }
    return -1;
  }
}

function isBlank(values: string[]): boolean {
  for (const v of values) if (v.trim() !== "") return false;
  return true;
}

/**
 * Streams a CSV file as batches of rows (one batch per chunk of input) for the import job: the
 * encoding and delimiter are those detected at upload. Row numbers and blank-line handling match
 * `readCsv`: the header is the first non-blank record, blank records are skipped but counted.
 */
export async function readCsvBatches(
  source: AsyncIterable<Uint8Array>,
  opts: { encoding: CsvEncoding; delimiter: CsvDelimiter },
): Promise<{ header: string[]; batches: AsyncIterable<CsvRow[]> }> {
  const decoder = new TextDecoder(opts.encoding === "windows-1252" ? "windows-1252" : "utf-8");
  const parser = new CsvChunkParser(opts.delimiter);
  const it = source[Symbol.asyncIterator]();
  let rowNumber = 0;
  let header: string[] | null = null;
  let done = false;
  const records: string[][] = [];

  /** Reads input until at least one record is parsed or the input ends. */
  const fill = async () => {
    while (records.length === 0 && !done) {
      const r = await it.next();
      if (r.done) {
        done = true;
        parser.push(decoder.decode(), records);
        parser.end(records);
      } else {
        parser.push(decoder.decode(r.value, { stream: true }), records);
      }
    }
  };

  try {
    while (header === null) {
      await fill();
      if (records.length === 0) break;
      let k = 0;
      for (; k < records.length; k++) {
        rowNumber++;
        if (!isBlank(records[k]!)) {
          header = records[k]!.map((h) => h.trim());
          k++;
          break;
        }
      }
      records.splice(0, k);
    }
  } catch (e) {
    await it.return?.();
    throw e;
  }
  if (header === null) {
    await it.return?.();
    throw new AppError("BAD_REQUEST", { userMessage: "import.errors.EMPTY_FILE" });
  }
  async function* batches(): AsyncGenerator<CsvRow[]> {
    try {
      for (;;) {
        await fill();
        if (records.length === 0) return;
        const batch: CsvRow[] = [];
        for (const values of records) {
          rowNumber++;
          if (!isBlank(values)) batch.push({ rowNumber, values });
        }
        records.length = 0;
        if (batch.length > 0) yield batch;
      }
    } finally {
      if (!done) await it.return?.();
    }
  }
  return { header, batches: batches() };
}
