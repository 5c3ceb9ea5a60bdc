import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const jobStatus = pgEnum("job_status", ["queued", "running", "done", "failed"]);

/**
 * The local runner's queue (and, with Inngest, the outbox relayed to it). A row is written in
 * the same transaction as the change that caused it. `claimedUntil` bounds a claim: a worker
 * that dies leaves the row to be claimed again when the claim expires; `attempts` doubles as
 * a fencing token so a late worker cannot finish someone else's claim.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    name: text().notNull(),
    payload: jsonb().notNull(),
    status: jobStatus().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp({ withTimezone: true }),
    lockedBy: text(),
    lastError: text(),
    dedupeKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Only live rows are scanned by the claim query.
    index("jobs_claim_idx")
      .on(t.runAt, t.id)
      .where(sql`${t.status} = 'queued'`),
    index("jobs_running_idx")
      .on(t.claimedUntil)
      .where(sql`${t.status} = 'running'`),
    // Partial: most jobs have no dedupe key, and every index a row is in costs on each update.
    uniqueIndex("jobs_dedupe_idx")
      .on(t.name, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
  ],
);
