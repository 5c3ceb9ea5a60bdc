import { toCsv } from "@/lib/audit/csv";

/** Why a row was not imported: an i18n key (e.g. "import.reasons.DUPLICATE_IN_FILE") + params. */
export type RejectReason = { key: string; params?: Record<string, string | number> };

export type RejectedRow = { rowNumber: number; reason: RejectReason; raw: string[] };

/** Translates a full key, e.g. next-intl's `t` from getTranslations() (no namespace). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export type ReportLabels = { row: string; reason: string };

/**
 * The rejected-rows report as CSV for Excel: UTF-8 with BOM, ";" separators, formula injection
 * neutralised (shared with the audit export). Columns: row number, reason, then the row's cells
 * under the file's own header so the user can fix and re-import the rows.
 */
export function rejectedRowsCsv(
  rejected: RejectedRow[],
  opts: { header: string[]; labels: ReportLabels; t: Translate },
): string {
  const width = rejected.reduce((w, r) => Math.max(w, r.raw.length), opts.header.length);
  const header = [opts.labels.row, opts.labels.reason, ...pad(opts.header, width)];
  const rows = rejected.map((r) => [
    r.rowNumber,
    opts.t(r.reason.key, r.reason.params),
    ...pad(r.raw, width),
  ]);
  return toCsv([header, ...rows]);
}

function pad(cells: string[], width: number): string[] {
  return cells.length >= width
    ? cells
    : [...cells, ...Array<string>(width - cells.length).fill("")];
}
