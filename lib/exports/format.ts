import type { ColumnType } from "@/lib/registers/values";

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return, which
 * some strip first) as a formula. A leading apostrophe makes them show the text as it is (OWASP
 * "CSV injection"). Applied to every text cell of CSV and .xlsx exports.
 */
export function neutralise(s: string): string {
  // A phone number in E.164 ("+358401234567") is only digits: no formula, kept as it is.
  if (/^\+\d{6,15}$/.test(s)) return s;
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export type ExportColumn = {
  key: string;
  label: string;
  type: ColumnType | "builtin_text" | "status" | "created";
};

export type ExportRow = {
  email: string | null;
  phone: string | null;
  firstName: string;
  lastName: string;
  data: Record<string, unknown>;
  emailStatus: string;
  smsStatus: string;
  /** Helsinki wall-clock time, "yyyy-mm-ddThh:mm:ss". */
  createdAt: string;
};

/** A cell value typed for .xlsx: numbers and dates as real cells, everything else as text. */
export type Cell = string | number | Date | null;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The value of one column of one contact as a typed cell (text already neutralised). */
export function cellOf(
  col: ExportColumn,
  row: ExportRow,
  words: { yes: string; no: string; status: (s: string) => string },
): Cell {
  const raw: unknown =
    col.type === "builtin_text" || col.type === "status" || col.type === "created"
      ? (row as unknown as Record<string, unknown>)[col.key]
      : row.data[col.key];
  if (raw === null || raw === undefined || raw === "") return null;
  switch (col.type) {
    case "created":
      // Wall-clock time as a UTC Date: what a spreadsheet shows is the Helsinki time.
      return new Date(`${String(raw)}Z`);
    case "status":
      return words.status(String(raw));
    case "number":
      return typeof raw === "number" ? raw : neutralise(String(raw));
    case "date": {
      const m = typeof raw === "string" ? DATE_RE.exec(raw) : null;
      return m
        ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
        : neutralise(String(raw));
    }
    case "boolean":
      return raw === true ? words.yes : raw === false ? words.no : neutralise(String(raw));
    case "multi_choice":
      return neutralise(Array.isArray(raw) ? raw.map(String).join(", ") : String(raw));
    default:
      return neutralise(String(raw));
  }
}

/** CSV delimiter: Finnish Excel opens semicolon-separated UTF-8-with-BOM files directly. */
export const CSV_DELIMITER = ";";

/**
 * A CSV field: numbers with a decimal comma (what Finnish Excel reads with `;`), dates ISO,
 * timestamps in Helsinki time; quoted when it contains the delimiter, a quote or a line break.
 */
export function csvField(cell: Cell, col: ExportColumn): string {
  let s: string;
  if (cell === null) s = "";
  else if (typeof cell === "number") s = String(cell).replace(".", ",");
  else if (cell instanceof Date)
    s =
      col.type === "created"
        ? cell.toISOString().slice(0, 16).replace("T", " ")
        : cell.toISOString().slice(0, 10);
  else s = cell;
  return /[";\r\n,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
