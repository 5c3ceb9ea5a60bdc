import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { sandboxSms, smsInbound } from "@/db/schema";

/** Numbers that received sandbox SMS from the organisation, with counts and latest time. */
export async function listSandboxNumbers(db: Db, orgId: string) {
  return db
    .select({
      recipient: sandboxSms.recipient,
      messages: sql<number>`count(*)::int`,
      lastAt: sql<Date>`max(${sandboxSms.createdAt})`,
    })
    .from(sandboxSms)
    .where(eq(sandboxSms.orgId, orgId))
    .groupBy(sandboxSms.recipient)
    .orderBy(sql`max(${sandboxSms.createdAt}) desc`)
    .limit(200);
}

/** Sandbox SMS of the organisation to one number, newest first. */
export async function listSandboxMessages(db: Db, orgId: string, recipient: string) {
  return db
    .select()
    .from(sandboxSms)
    .where(and(eq(sandboxSms.orgId, orgId), eq(sandboxSms.recipient, recipient)))
    .orderBy(desc(sandboxSms.createdAt))
    .limit(200);
}

/** Inbound SMS of the organisation, newest first. */
export async function listInboundSms(db: Db, orgId: string) {
  return db
    .select()
    .from(smsInbound)
    .where(eq(smsInbound.orgId, orgId))
    .orderBy(desc(smsInbound.receivedAt))
    .limit(100);
}
