/**
 * CSV for spreadsheet programs. Finnish Excel reads ";" as the separator and needs the UTF-8 BOM
 * to show ä and ö. A cell that starts with = + - @ (or a tab / carriage return) would be run as a
 * formula when the file is opened, so it gets a leading apostrophe: shown as text, never run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised against formula injection and quoted when needed. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value == null ? "" : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text (BOM, ";" separators, CRLF line ends as RFC 4180 says). */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((r) => r.map(csvCell).join(";")).join("\r\n") + "\r\n";
}
