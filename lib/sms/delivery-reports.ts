import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { lockInIdOrder } from "@/lib/campaigns/deliveries";

/** Kannel's delivery-report types (the `%d` of dlr-url). */
const DELIVERED = 1;
const FAILED = [2, 16]; // undelivered, rejected by the SMSC
const INTERIM = [4, 8]; // buffered, accepted by the SMSC

export type ReportOutcome = "delivered" | "failed" | "interim" | "unchanged" | "not-a-delivery";

export type DeliveryReport = { key: string; type: number; at: Date; detail?: string };

/**
 * What a report means before any database work: a final status for a delivery row, or an
 * outcome that needs no write (not our delivery key, an interim or unknown report type).
 */
function classify(
  r: DeliveryReport,
): { id: number; status: "delivered" | "failed" } | { outcome: ReportOutcome } {
  const m = /^d:(\d{1,15})$/.exec(r.key);
  if (!m) return { outcome: "not-a-delivery" };
  if (INTERIM.includes(r.type)) return { outcome: "interim" };
  if (r.type === DELIVERED) return { id: Number(m[1]), status: "delivered" };
  if (FAILED.includes(r.type)) return { id: Number(m[1]), status: "failed" };
  return { outcome: "unchanged" };
}

/**
 * Applies one delivery report to the delivery row named by its message key (`d:<delivery id>`).
 * Idempotent and monotonic: a delivered row never goes back to failed or sent, a repeated
 * report changes nothing. A report may arrive before the sender recorded the send (Kannel
 * reports acceptance at once); a queued row that is reported delivered is never claimed again.
 */
export async function applyDeliveryReport(db: Db, report: DeliveryReport): Promise<ReportOutcome> {
  const [outcome] = await applyDeliveryReports(db, [report]);
  return outcome!;
}

/**
 * Applies many delivery reports in one statement (one commit), with the same outcome per
 * report as applying them one by one in the given order: the first final report (delivered,
 * failed) of a row wins, later ones in the same batch are "unchanged". Rows are locked in id
 * order, as the sender's batch updates lock them, so the two never deadlock.
 */
export async function applyDeliveryReports(
  db: Db,
  reports: DeliveryReport[],
): Promise<ReportOutcome[]> {
  const outcomes: ReportOutcome[] = new Array(reports.length);
  const finals = new Map<
    number,
    { i: number; status: "delivered" | "failed"; r: DeliveryReport }
  >();
  reports.forEach((report, i) => {
    const c = classify(report);
    if (!("id" in c)) return void (outcomes[i] = c.outcome);
    outcomes[i] = "unchanged";
    if (!finals.has(c.id)) finals.set(c.id, { i, status: c.status, r: report });
  });
  if (finals.size === 0) return outcomes;
  const rows = [...finals.entries()].map(([id, f]) => ({
    id,
    status: f.status,
    at: f.r.at.toISOString(),
    error:
      f.status === "failed"
        ? `delivery report ${f.r.type}: ${(f.r.detail ?? "").slice(0, 300)}`
        : null,
  }));
  const changed = await queryRows<{ id: number | string }>(
    db,
    sql`with v as (
          select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as v(id bigint, status text, at timestamptz, error text)
        ), locked as (${lockInIdOrder(sql`select id from v`)})
        update deliveries d set
          status = v.status::delivery_status,
          delivered_at = case when v.status = 'delivered'
            then coalesce(d.delivered_at, v.at) else d.delivered_at end,
          sent_at = case when v.status = 'delivered' then coalesce(d.sent_at, v.at) else d.sent_at end,
          error = case when v.status = 'failed' then v.error else d.error end,
          claimed_until = null
        from v
        where d.id = v.id and d.id in (select id from locked) and d.status in ('queued', 'sent')
        returning d.id`,
  );
  for (const { id } of changed) {
    const f = finals.get(Number(id))!;
    outcomes[f.i] = f.status;
  }
  return outcomes;
}

type Waiting = {
  report: DeliveryReport;
  resolve: (o: ReportOutcome) => void;
  reject: (e: unknown) => void;
};

/**
 * Group commit for the report webhook: reports that arrive while a write is running are
 * written together by the next one, so a burst of reports costs a few statements instead of
 * one commit each. Nothing waits artificially — a lone report is written at once — and every
 * caller's promise settles only after its report is committed (or the write failed, and the
 * webhook answers an error so Kannel retries it).
 */
export function createReportWriter(db: Db, maxBatch = 500) {
  let pending: Waiting[] = [];
  let running = false;
  async function pump() {
    running = true;
    while (pending.length) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      try {
        const outcomes = await applyDeliveryReports(
          db,
          batch.map((w) => w.report),
        );
        batch.forEach((w, i) => w.resolve(outcomes[i]!));
      } catch (err) {
        batch.forEach((w) => w.reject(err));
      }
    }
    running = false;
  }
  return {
    apply(report: DeliveryReport): Promise<ReportOutcome> {
      // Interim and unknown reports write nothing: answered at once, not queued behind a write.
      const c = classify(report);
      if (!("id" in c)) return Promise.resolve(c.outcome);
      return new Promise((resolve, reject) => {
        pending.push({ report, resolve, reject });
        if (!running) void pump();
      });
    },
  };
}

const writers = new WeakMap<Db, ReturnType<typeof createReportWriter>>();

/** The process's report writer for this database (one group-commit queue per database). */
export function reportWriter(db: Db) {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = createReportWriter(db)));
  return w;
}
