import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "@/db";
import { csvField, CSV_DELIMITER, neutralise, type ExportColumn } from "@/lib/exports/format";
import { recipientRows, type RecipientRow } from "./report-rows";

/**
 * The report's per-recipient export (CSV or .xlsx), written in batches as it streams out. Text
 * cells are neutralised against formula injection (`lib/exports/format.ts`); CSV is UTF-8 with
 * BOM and ";" like the contact exports, .xlsx has real date cells (Helsinki wall-clock time).
 */

export type ReportExportFormat = "csv" | "xlsx";

type Col = { key: keyof RecipientRow; label: string; time?: boolean; num?: boolean };

const KEYS: Record<"email" | "sms", (keyof RecipientRow)[]> = {
  email: ["address", "name", "status", "sent", "opened", "clicked", "bounced", "unsubscribed"],
  // S1: the number, parts as billed, the delivery report's time and the failure reason.
  sms: ["address", "name", "status", "parts", "sent", "delivered", "error"],
};
const TIMES = new Set<keyof RecipientRow>([
  "sent",
  "delivered",
  "opened",
  "clicked",
  "bounced",
  "unsubscribed",
]);
const TEXT_COL: ExportColumn = { key: "", label: "", type: "builtin_text" };

/**
 * The export's columns for the campaign's channel, with labels from `t` (keys under
 * "reports.export."; an SMS campaign's address column is labelled as a phone number).
 */
export function reportColumns(
  t: (key: string) => string,
  channel: "email" | "sms" = "email",
): Col[] {
  return KEYS[channel].map((key) => ({
    key,
    label: t(`export.${channel === "sms" && key === "address" ? "phone" : key}`),
    time: TIMES.has(key),
    num: key === "parts",
  }));
}

/** A recipient's status word: a hard/soft bounce is named as such. */
function statusOf(r: RecipientRow, status: (s: string) => string): string {
  if (r.bounceKind) return status(`bounced_${r.bounceKind}`);
  return status(r.status);
}

const cellText = (r: RecipientRow, c: Col, status: (s: string) => string): string => {
  if (c.key === "status") return statusOf(r, status);
  const v = r[c.key];
  return v === null || v === undefined ? "" : String(v);
};

/** CSV bytes of every recipient, header first. */
export async function* reportCsv(
  db: Db,
  orgId: string,
  campaignId: string,
  cols: Col[],
  status: (s: string) => string,
): AsyncGenerator<Buffer> {
  const line = (cells: string[]) =>
    cells.map((s) => csvField(s ? neutralise(s) : null, TEXT_COL)).join(CSV_DELIMITER) + "\r\n";
  yield Buffer.from("\ufeff" + line(cols.map((c) => c.label)), "utf8");
  for await (const rows of recipientRows(db, orgId, campaignId))
    yield Buffer.from(rows.map((r) => line(cols.map((c) => cellText(r, c, status)))).join(""));
}

/** .xlsx bytes of every recipient (streamed through ExcelJS's workbook writer). */
export function reportXlsx(
  db: Db,
  orgId: string,
  campaignId: string,
  cols: Col[],
  status: (s: string) => string,
  sheetName: string,
): Readable {
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const ws = wb.addWorksheet(
    sheetName
      .replace(/[[\]:*?/\\]/g, " ")
      .slice(0, 31)
      .trim() || "Report",
  );
  ws.columns = cols.map((c) => ({
    header: neutralise(c.label),
    key: c.key,
    width: c.time ? 18 : c.num ? 8 : c.key === "address" || c.key === "error" ? 32 : 20,
    style: c.time ? { numFmt: "d.m.yyyy h:mm" } : {},
  }));
  void (async () => {
    try {
      for await (const rows of recipientRows(db, orgId, campaignId))
        for (const r of rows)
          ws.addRow(
            cols.map((c) => {
              const v = cellText(r, c, status);
              if (!v) return null;
              if (c.num) return Number(v);
              // Wall-clock Helsinki time as a UTC date: the spreadsheet shows the Helsinki time.
              return c.time ? new Date(`${v.replace(" ", "T")}:00Z`) : neutralise(v);
            }),
          ).commit();
      ws.commit();
      await wb.commit();
    } catch (err) {
      stream.destroy(err as Error);
    }
  })();
  return stream;
}

/** A Node byte stream or generator as a web stream for a Response body. */
export function toWebStream(src: Readable | AsyncGenerator<Buffer>): ReadableStream<Uint8Array> {
  const readable = src instanceof Readable ? src : Readable.from(src);
  return Readable.toWeb(readable) as ReadableStream<Uint8Array>;
}
