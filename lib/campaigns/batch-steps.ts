import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { contacts } from "@/db/schema";
import { markFailed, markSent, releaseDeliveries, type ClaimedDelivery } from "./deliveries";

/**
 * The two steps every channel's batch shares (e-mail and SMS): compose each claimed delivery
 * for its contact, then record what the channel answered.
 */

type Contact = typeof contacts.$inferSelect;

/**
 * Loads the batch's contacts in one org-scoped query and builds each recipient's message with
 * `build`. A contact deleted (or erased) since the audience was materialized, or whose
 * personalization fails, fails that recipient permanently — never a message to them.
 */
export async function composeBatch<M>(
  db: Db,
  c: { id: string; orgId: string },
  batch: ClaimedDelivery[],
  build: (d: ClaimedDelivery, person: Contact) => M,
): Promise<{ messages: { d: ClaimedDelivery; m: M }[]; failed: number }> {
  const ids = batch.map((d) => d.contactId).filter((x): x is string => x !== null);
  const people = ids.length
    ? await db
        .select()
        .from(contacts)
        .where(and(eq(contacts.orgId, c.orgId), inArray(contacts.id, ids)))
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const messages: { d: ClaimedDelivery; m: M }[] = [];
  let failed = 0;
  for (const d of batch) {
    const person = d.contactId ? byId.get(d.contactId) : undefined;
    let error = "contact deleted";
    if (person) {
      try {
        messages.push({ d, m: build(d, person) });
        continue;
      } catch (err) {
        error = `personalization failed: ${String(err)}`;
      }
    }
    await markFailed(db, c.id, d.id, error, { permanent: true });
    failed++;
  }
  return { messages, failed };
}

/** What a channel port answered for one message (e-mail transport or SMS gateway). */
export type ChannelResult =
  | {
      ok: true;
      providerId: string;
      /** SMS parts sent (billed); absent for e-mail. */ parts?: number;
    }
  | {
      ok: false;
      error: string;
      permanent: boolean;
      retryAfterMs?: number;
      /** The channel itself is down: the attempt does not count against the recipient. */
      gatewayDown?: boolean;
    };

const defaultRetryMs = (attempt: number) => Math.min(600_000, 30_000 * 2 ** (attempt - 1));

/**
 * Records one batch's outcomes, the same for every channel: accepted rows are marked sent;
 * permanent errors fail the recipient; transient ones go back to the queue after a back-off
 * (the provider's retry-after when given) until `maxAttempts`, then fail with the reason; rows
 * of a channel that is down are released without counting the attempt.
 */
export async function recordSendResults(
  db: Db,
  campaignId: string,
  outcomes: { d: ClaimedDelivery; r: ChannelResult }[],
  opts: { maxAttempts?: number; retryMs?: (attempt: number) => number } = {},
): Promise<{ sent: number; failed: number }> {
  const ok: { id: number; providerId: string | null; parts?: number }[] = [];
  const down = { ids: [] as number[], error: "", retryMs: 0 };
  const maxAttempts = opts.maxAttempts ?? 5;
  let failed = 0;
  for (const { d, r } of outcomes) {
    if (r.ok) ok.push({ id: d.id, providerId: r.providerId, parts: r.parts });
    else if (r.gatewayDown) {
      down.ids.push(d.id);
      down.error = r.error;
      down.retryMs = Math.max(down.retryMs, r.retryAfterMs ?? 5000);
    } else {
      const permanent = r.permanent || d.attempts >= maxAttempts;
      const error =
        permanent && !r.permanent ? `${r.error} (gave up after ${d.attempts} attempts)` : r.error;
      const retryInMs = r.retryAfterMs ?? (opts.retryMs ?? defaultRetryMs)(d.attempts);
      await markFailed(db, campaignId, d.id, error, { permanent, retryInMs });
      if (permanent) failed++;
    }
  }
  await releaseDeliveries(db, campaignId, down.ids, down.error, down.retryMs);
  return { sent: await markSent(db, campaignId, ok), failed };
}
