import { randomUUID } from "node:crypto";
import type { Db } from "@/db";
import { smsInbound } from "@/db/schema";
import { enqueue } from "@/lib/jobs/enqueue";
import type { InboundSms } from "./gateway";

/** Queues one SMS of an organisation through the configured gateway (as a job). Caller checked the role. */
export async function requestTestSms(
  db: Db,
  opts: { orgId: string; from: string; to: string; text: string },
) {
  const messageKey = `test-sms-${randomUUID()}`;
  await enqueue(db, "sms/message.requested", {
    orgId: opts.orgId,
    messageKey,
    from: opts.from,
    to: opts.to,
    text: opts.text,
  });
  return { messageKey };
}

/**
 * Stores an inbound SMS once per (gateway, provider id): a gateway that retries the same
 * message does not create a second row. Returns whether it was new.
 */
export async function receiveInboundSms(
  db: Db,
  gateway: string,
  msg: InboundSms,
  orgId: string | null = null,
) {
  const rows = await db
    .insert(smsInbound)
    .values({
      gateway,
      providerId: msg.providerId,
      orgId,
      sender: msg.from,
      shortCode: msg.to,
      body: msg.text,
      receivedAt: msg.receivedAt,
    })
    .onConflictDoNothing({ target: [smsInbound.gateway, smsInbound.providerId] })
    .returning({ id: smsInbound.id });
  return { created: rows.length === 1, id: rows[0]?.id ?? null };
}
