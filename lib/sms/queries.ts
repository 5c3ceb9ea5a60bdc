import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, deliveries, sandboxSms, smsInbound } from "@/db/schema";

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

/**
 * Sandbox SMS of the organisation to one number, newest first, in one query. A campaign
 * message (key `d:<delivery id>`) carries its campaign's id and name when the delivery is one
 * of this organisation's (joined by (id, org), so a key can never name another's campaign).
 */
export async function listSandboxMessages(db: Db, orgId: string, recipient: string) {
  // The delivery id from the key, only for well-formed keys, so the join uses the primary key.
  const deliveryId = sql`case when ${sandboxSms.messageKey} ~ '^d:[0-9]{1,15}$'
    then substring(${sandboxSms.messageKey} from 3)::bigint end`;
  return db
    .select({
      id: sandboxSms.id,
      sender: sandboxSms.sender,
      body: sandboxSms.body,
      encoding: sandboxSms.encoding,
      parts: sandboxSms.parts,
      createdAt: sandboxSms.createdAt,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
    })
    .from(sandboxSms)
    .leftJoin(deliveries, and(eq(deliveries.id, deliveryId), eq(deliveries.orgId, orgId)))
    .leftJoin(campaigns, and(eq(campaigns.id, deliveries.campaignId), eq(campaigns.orgId, orgId)))
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
