import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { smsSenders } from "@/db/schema";
import { compileTemplate, renderTemplate, type CompiledTemplate } from "@/lib/personalize/template";
import { contactMergeValues } from "@/lib/personalize/fields";
import { listColumns } from "@/lib/registers/registers";
import type { SmsGateway } from "@/lib/sms/gateway";
import type { ClaimedDelivery } from "./deliveries";
import { composeBatch, recordSendResults } from "./batch-steps";
import { registerFieldNames } from "./merge-check";
import type { Campaign } from "./queries";

export type SmsSendContext = {
  text: CompiledTemplate;
  columns: Awaited<ReturnType<typeof listColumns>>;
  from: string;
};

/**
 * What every SMS batch needs (S1), loaded once per run: the text compiled as a `text` template
 * (no HTML escaping), the register's columns and the sender — null when the sender is no longer
 * one of the organisation's allowed senders (the caller pauses the campaign with the reason).
 */
export async function smsSendContext(db: Db, c: Campaign): Promise<SmsSendContext | null> {
  const [columns, fields, [sender]] = await Promise.all([
    listColumns(db, c.orgId, c.registerId),
    registerFieldNames(db, c.orgId, c.registerId),
    db
      .select({ sender: smsSenders.sender })
      .from(smsSenders)
      .where(and(eq(smsSenders.orgId, c.orgId), eq(smsSenders.sender, c.smsSender ?? ""))),
  ]);
  if (!sender) return null;
  return {
    text: compileTemplate(c.textBody ?? "", { kind: "text", fields: [...fields] }),
    columns,
    from: sender.sender,
  };
}

/**
 * Personalizes and sends one claimed batch of SMS through the gateway with key `d:<deliveryId>`
 * (the key the delivery reports name), then records each outcome like e-mail: transient
 * failures (Kannel down, queue full) go back to the queue, permanent ones (too many parts for
 * this recipient's personalized text, an empty text) fail that recipient only.
 */
export async function sendSmsBatch(
  db: Db,
  c: Campaign,
  ctx: SmsSendContext,
  batch: ClaimedDelivery[],
  opts: { gateway: SmsGateway; maxAttempts?: number; retryMs?: (attempt: number) => number },
): Promise<{ sent: number; failed: number }> {
  const { messages, failed } = await composeBatch(db, c, batch, (d, person) => ({
    key: `d:${d.id}`,
    orgId: c.orgId,
    from: ctx.from,
    to: d.address,
    text: renderTemplate(ctx.text, contactMergeValues(person, ctx.columns)).trim(),
  }));
  if (messages.length === 0) return { sent: 0, failed };
  const results = await opts.gateway.sendBatch(messages.map((x) => x.m));
  const r = await recordSendResults(
    db,
    c.id,
    results.map((res, i) => ({ d: messages[i]!.d, r: res })),
    opts,
  );
  return { sent: r.sent, failed: failed + r.failed };
}
