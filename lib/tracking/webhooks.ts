import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { webhookEvents } from "@/db/schema";
import { recordProviderEvent, type RecordEventInput } from "./events";

/**
 * Resend webhooks (E9): verify (Svix signature), record (the raw event once per svix-id),
 * process from the record. Resend signs with Svix: HMAC-SHA256 keyed with the base64 part of
 * the `whsec_…` secret over `${svix-id}.${svix-timestamp}.${body}`, sent base64 in
 * `svix-signature` as space-separated `v1,<sig>` entries (several during a secret rotation).
 */

/** Timestamps further than this from now (either way) are refused: replay protection. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type SvixHeaders = { id: string | null; timestamp: string | null; signature: string | null };

/** The Svix signature of a body (for tests and the verifier): `v1,<base64>`. */
export function signSvix(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/**
 * Checks a webhook's Svix headers against the raw body: "ok", or why it is refused. Compares
 * every offered v1 signature in constant time.
 */
export function verifySvix(
  secret: string,
  h: SvixHeaders,
  body: string,
  now = new Date(),
): "ok" | "missing" | "stale" | "bad-signature" {
  if (!h.id || !h.timestamp || !h.signature) return "missing";
  const ts = Number(h.timestamp);
  if (!/^\d{1,12}$/.test(h.timestamp) || !Number.isFinite(ts)) return "missing";
  if (Math.abs(now.getTime() / 1000 - ts) > WEBHOOK_TOLERANCE_SECONDS) return "stale";
  const expected = Buffer.from(signSvix(secret, h.id, h.timestamp, body).slice(3), "base64");
  for (const part of h.signature.split(" ")) {
    const [version, sig] = part.split(",");
    if (version !== "v1" || !sig) continue;
    const given = Buffer.from(sig, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return "ok";
  }
  return "bad-signature";
}

/** Stores a verified webhook once per (provider, id); returns its row id, or null for a duplicate. */
export async function recordWebhook(
  db: Db,
  provider: string,
  externalId: string,
  type: string,
  payload: unknown,
): Promise<number | null> {
  const rows = await db
    .insert(webhookEvents)
    .values({ provider, externalId: externalId.slice(0, 200), type: type.slice(0, 100), payload })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  return rows[0]?.id ?? null;
}

/** A stored webhook not yet processed (a provider retry after a failure), or null. */
export async function unprocessedWebhookId(
  db: Db,
  provider: string,
  externalId: string,
): Promise<number | null> {
  const [w] = await db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.provider, provider),
        eq(webhookEvents.externalId, externalId.slice(0, 200)),
        isNull(webhookEvents.processedAt),
      ),
    );
  return w?.id ?? null;
}

type ResendPayload = {
  type?: string;
  created_at?: string;
  data?: { email_id?: string; bounce?: { type?: string; subType?: string; message?: string } };
};

/** What a Resend event means for a delivery, or null for events we do not record. */
function eventOf(
  p: ResendPayload,
  externalId: string,
): Omit<RecordEventInput, "deliveryId"> | null {
  const created = p.created_at ? new Date(p.created_at) : new Date();
  const at = Number.isNaN(created.getTime()) ? new Date() : created;
  const dedupeKey = `resend:${externalId}`;
  switch (p.type) {
    case "email.delivered":
      return { type: "delivered", dedupeKey, at };
    case "email.bounced": {
      const b = p.data?.bounce ?? {};
      // Resend: "Permanent" (address does not exist, …) is hard; "Transient"/"Undetermined" soft.
      const hard = b.type === "Permanent";
      const detail = [b.type, b.subType, b.message].filter(Boolean).join(": ");
      return { type: "bounce", bounceKind: hard ? "hard" : "soft", detail, dedupeKey, at };
    }
    case "email.complained":
      return { type: "complaint", dedupeKey, at };
    default:
      // email.sent, email.delivery_delayed, email.opened/clicked (we track those ourselves): ignored.
      return null;
  }
}

/**
 * Processes one stored webhook: finds the delivery by the provider's message id (indexed) and
 * records the event (a hard bounce or complaint also suppresses the address). Marks the record
 * processed; a record already processed is left alone, so a retry does nothing twice.
 */
export async function processWebhook(db: Db, webhookId: number): Promise<"done" | "skipped"> {
  const [w] = await db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.id, webhookId), isNull(webhookEvents.processedAt)));
  if (!w) return "skipped";
  const p = (w.payload ?? {}) as ResendPayload;
  const ev = eventOf(p, w.externalId);
  let error: string | null = null;
  if (ev) {
    const emailId = p.data?.email_id;
    const [d] = emailId
      ? await queryRows<{ id: number }>(
          db,
          sql`select id from deliveries where provider_id = ${emailId} limit 1`,
        )
      : [];
    if (d) await recordProviderEvent(db, { ...ev, deliveryId: Number(d.id) });
    else error = "no delivery with this provider id";
  }
  await db
    .update(webhookEvents)
    .set({ processedAt: new Date(), error })
    .where(eq(webhookEvents.id, webhookId));
  return "done";
}
