import { getDb } from "@/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import {
  processWebhook,
  recordWebhook,
  unprocessedWebhookId,
  verifySvix,
} from "@/lib/tracking/webhooks";

export const dynamic = "force-dynamic";

const MAX_BODY = 256 * 1024;
const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * Resend webhooks (E9): verify the Svix signature over the raw body, record the event once per
 * svix-id, process the record in the same request and answer 200. A processing failure answers
 * 500 so Resend retries; the retry finds the stored, still unprocessed record and processes it.
 * A duplicate of a processed event changes nothing.
 */
export async function POST(req: Request) {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) {
    log.warn("Resend webhook received but RESEND_WEBHOOK_SECRET is not set");
    return text(503, "Webhook secret not configured");
  }
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY) return text(413, "Too large");
  const body = await req.text();
  if (body.length > MAX_BODY) return text(413, "Too large");
  const h = {
    id: req.headers.get("svix-id"),
    timestamp: req.headers.get("svix-timestamp"),
    signature: req.headers.get("svix-signature"),
  };
  const verdict = verifySvix(secret, h, body);
  if (verdict !== "ok") return text(401, `Invalid webhook: ${verdict}`);
  let payload: { type?: unknown };
  try {
    payload = JSON.parse(body) as { type?: unknown };
  } catch {
    return text(400, "Invalid JSON");
  }
  const db = await getDb();
  const id =
    (await recordWebhook(db, "resend", h.id!, String(payload.type ?? ""), payload)) ??
    (await unprocessedWebhookId(db, "resend", h.id!));
  if (id === null) return text(200, "Duplicate");
  try {
    await processWebhook(db, id);
  } catch (err) {
    log.error({ err, webhookId: id }, "processing a Resend webhook failed");
    return text(500, "Stored, processing failed");
  }
  return text(200, "OK");
}
