import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { emailSenders } from "@/db/schema";
import type { OutgoingEmail } from "@/lib/email/transport";
import { contactMergeValues } from "@/lib/personalize/fields";
import { listColumns } from "@/lib/registers/registers";
import { recipientUrls } from "@/lib/tracking/tokens";
import { compileMessage, formatFrom, personalizeMessage, toOutgoing } from "./compose";
import type { ClaimedDelivery } from "./deliveries";
import { composeBatch, recordSendResults } from "./batch-steps";
import { registerFieldNames } from "./merge-check";
import { ensureRendered, type RenderCampaign } from "./prepare";
import type { Campaign } from "./queries";
import { loadInlineImageBytes } from "./render/inline-images";
import type { SendOptions } from "./send";

export type SendContext = NonNullable<Awaited<ReturnType<typeof sendContext>>>;

/** What every batch needs, loaded once per run: compiled message, columns, sender (null if gone). */
export async function sendContext(db: Db, c: Campaign, render: RenderCampaign) {
  const rendered = await ensureRendered(db, c, render);
  const [columns, fields, [sender]] = await Promise.all([
    listColumns(db, c.orgId, c.registerId),
    registerFieldNames(db, c.orgId, c.registerId),
    db
      .select({ address: emailSenders.address, name: emailSenders.name })
      .from(emailSenders)
      .where(and(eq(emailSenders.id, c.senderId ?? ""), eq(emailSenders.orgId, c.orgId))),
  ]);
  const message = compileMessage(rendered, {
    fields,
    trackOpens: c.trackOpens,
    trackClicks: c.trackClicks,
  });
  if (!sender) return null;
  // Inline (CID) images are read once per run and attached to every message.
  const attachments = await loadInlineImageBytes(db, c.orgId, rendered.inlineImages);
  return {
    message,
    columns,
    attachments,
    from: formatFrom(c.fromName || sender.name, sender.address),
  };
}

/** Composes and sends one claimed batch, then records each outcome (transient failures retried). */
export async function sendBatch(
  db: Db,
  c: Campaign,
  ctx: SendContext,
  batch: ClaimedDelivery[],
  opts: SendOptions & { transport: NonNullable<SendOptions["transport"]> },
): Promise<{ sent: number; failed: number }> {
  const { messages, failed } = await composeBatch(db, c, batch, (d, person) => {
    const values = contactMergeValues(person, ctx.columns);
    const p = personalizeMessage(ctx.message, values, recipientUrls(d.id));
    const m: OutgoingEmail = toOutgoing(p, {
      deliveryId: d.id,
      orgId: c.orgId,
      from: ctx.from,
      to: d.address,
      replyTo: c.replyTo,
    });
    if (ctx.attachments.length) m.attachments = ctx.attachments;
    return m;
  });
  if (messages.length === 0) return { sent: 0, failed };
  const results = await opts.transport.sendBatch(messages.map((x) => x.m));
  const r = await recordSendResults(
    db,
    c.id,
    results.map((res, i) => ({ d: messages[i]!.d, r: res })),
    opts,
  );
  return { sent: r.sent, failed: failed + r.failed };
}
