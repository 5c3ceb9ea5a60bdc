// Helpers for the accounts database tests (not used by the app).
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, jobs } from "@/db/schema";

export const rand = () => randomBytes(5).toString("hex");
/** A client IP of the test's own, so rate limits never carry over between tests. */
export const testIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join(".")}`;
/** A password that meets the policy for the names tests use (Aino Virtanen, Testi Käyttäjä). */
export const GOOD_PASSWORD = "Kahvi-Puu-2026-Xq";

export type QueuedMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  orgId: string | null;
};

/** E-mails queued as jobs to an address (case-insensitive), oldest first. */
export async function mailsTo(db: Db, to: string): Promise<QueuedMail[]> {
  const rows = await db
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(
      and(
        eq(jobs.name, "email/message.requested"),
        sql`lower(${jobs.payload}->>'to') = ${to.toLowerCase()}`,
      ),
    )
    .orderBy(jobs.id);
  return rows.map((r) => r.payload as QueuedMail);
}

/** The token of the first `/<path>/<token>` link in a mail's text part. */
export function linkToken(mail: QueuedMail | undefined, path: "verify" | "reset"): string {
  const m = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail?.text ?? "");
  if (!m) throw new Error(`no /${path}/ link in ${JSON.stringify(mail?.text)}`);
  return m[1]!;
}

/** Audit entries about or by a user, oldest first. */
export async function auditFor(db: Db, userId: string) {
  return db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.actorId} = ${userId} or ${auditLog.targetId} = ${userId}`)
    .orderBy(auditLog.id);
}

/** `base` plus whole minutes. */
export const plusMinutes = (base: Date, minutes: number) =>
  new Date(base.getTime() + minutes * 60_000);
