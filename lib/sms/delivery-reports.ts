import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/** Kannel's delivery-report types (the `%d` of dlr-url). */
const DELIVERED = 1;
const FAILED = [2, 16]; // undelivered, rejected by the SMSC
const INTERIM = [4, 8]; // buffered, accepted by the SMSC

export type ReportOutcome = "delivered" | "failed" | "interim" | "unchanged" | "not-a-delivery";

/**
 * Applies one delivery report to the delivery row named by its message key (`d:<delivery id>`).
 * Idempotent and monotonic: a delivered row never goes back to failed or sent, a repeated
 * report changes nothing. A report may arrive before the sender recorded the send (Kannel
 * reports acceptance at once); a queued row that is reported delivered is never claimed again.
 */
export async function applyDeliveryReport(
  db: Db,
  report: { key: string; type: number; at: Date; detail?: string },
): Promise<ReportOutcome> {
  const m = /^d:(\d{1,15})$/.exec(report.key);
  if (!m) return "not-a-delivery";
  const id = Number(m[1]);
  if (INTERIM.includes(report.type)) return "interim";
  if (report.type === DELIVERED) {
    const rows = await queryRows<{ id: number }>(
      db,
      sql`update deliveries set status = 'delivered',
            delivered_at = coalesce(delivered_at, ${report.at.toISOString()}::timestamptz),
            sent_at = coalesce(sent_at, ${report.at.toISOString()}::timestamptz),
            claimed_until = null
          where id = ${id} and status in ('queued', 'sent') returning id`,
    );
    return rows.length ? "delivered" : "unchanged";
  }
  if (FAILED.includes(report.type)) {
    const rows = await queryRows<{ id: number }>(
      db,
      sql`update deliveries set status = 'failed', claimed_until = null,
            error = ${`delivery report ${report.type}: ${(report.detail ?? "").slice(0, 300)}`}
          where id = ${id} and status in ('queued', 'sent') returning id`,
    );
    return rows.length ? "failed" : "unchanged";
  }
  return "unchanged";
}
