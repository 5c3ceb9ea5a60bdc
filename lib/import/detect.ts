/**
 * Encoding and delimiter detection for uploaded CSV files. Finnish spreadsheets come as UTF-8
 * (often with a BOM, as Excel's "CSV UTF-8" writes) or as Windows-1252 ("CSV (semicolon)"), and
 * Finnish Excel separates fields with semicolons because the comma is the decimal separator.
 */
export type CsvEncoding = "utf-8" | "utf-8-bom" | "windows-1252";
export type CsvDelimiter = "," | ";" | "\t";

export const DELIMITERS: readonly CsvDelimiter[] = [";", ",", "\t"];

/** Whether the bytes start with the UTF-8 byte-order mark EF BB BF. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Whether the sample is valid UTF-8. A multi-byte sequence cut off by the end of the sample
 * counts as valid (the sample is usually the first few kilobytes of a longer file).
 */
export function isValidUtf8Sample(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return true; // cut at the end of the sample
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return false;
    i += need + 1;
  }
  return true;
}

/** Detects the encoding of a file from its first bytes: BOM, valid UTF-8, else Windows-1252. */
export function detectEncoding(sample: Uint8Array): CsvEncoding {
  if (hasUtf8Bom(sample)) return "utf-8-bom";
  return isValidUtf8Sample(sample) ? "utf-8" : "windows-1252";
}

/** Counts each delimiter outside double quotes on each logical line (quoted newlines kept). */
function countPerLine(text: string, maxLines: number): Record<CsvDelimiter, number[]> {
  const counts: Record<CsvDelimiter, number[]> = { ";": [], ",": [], "\t": [] };
  let line: Record<CsvDelimiter, number> = { ";": 0, ",": 0, "\t": 0 };
  let inQuotes = false;
  let lineHasContent = false;
  const push = () => {
    if (lineHasContent) for (const d of DELIMITERS) counts[d].push(line[d]);
    line = { ";": 0, ",": 0, "\t": 0 };
    lineHasContent = false;
  };
  for (let i = 0; i < text.length && counts[";"].length < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes; // a doubled "" toggles twice and so stays inside the quotes
      lineHasContent = true;
    } else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      push();
    } else {
      if (!inQuotes && (ch === ";" || ch === "," || ch === "\t")) line[ch]++;
      if (ch !== " ") lineHasContent = true;
    }
  }
  // The last line may be cut off by the end of the sample; use it only when it is the only one.
  if (counts[";"].length === 0) push();
  return counts;
}

/**
 * Picks the delimiter from the first ~20 lines: the one that appears on the most lines with the
 * same non-zero count (ties go to the higher count, then to ";" as Finnish Excel writes).
 */
export function detectDelimiter(textSample: string, maxLines = 20): CsvDelimiter {
  const counts = countPerLine(textSample.replace(/^\uFEFF/, ""), maxLines);
  let best: CsvDelimiter = ";";
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const lines = counts[d];
    if (lines.length === 0) continue;
    // The most common count among lines, and how many lines share it.
    const freq = new Map<number, number>();
    for (const n of lines) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeLines = 0;
    for (const [n, f] of freq) {
      if (n > 0 && (f > modeLines || (f === modeLines && n > mode))) [mode, modeLines] = [n, f];
    }
    if (mode === 0) continue;
    // Consistency first (share of lines with the modal count), then the count itself.
    const score = (modeLines / lines.length) * 1000 + Math.min(mode, 999);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/**
 * The encoding and delimiter of a CSV from its first bytes; a value already known (detected at
 * upload) is kept. The delimiter is counted in the sample decoded with that encoding.
 */
export function detectCsv(
  sample: Uint8Array,
  known: { encoding?: CsvEncoding | null; delimiter?: CsvDelimiter | null } = {},
): { encoding: CsvEncoding; delimiter: CsvDelimiter } {
  const encoding = known.encoding ?? detectEncoding(sample);
  const delimiter =
    known.delimiter ??
    detectDelimiter(
      new TextDecoder(encoding === "windows-1252" ? "windows-1252" : "utf-8").decode(sample),
    );
  return { encoding, delimiter };
}

/** Whether the bytes start a zip archive (an .xlsx workbook is one). */
export const isZip = (head: Uint8Array) =>
  head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
