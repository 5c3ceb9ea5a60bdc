import { createHash } from "node:crypto";
import type { EmailTransport, OutgoingEmail, SendResult } from "./transport";

const MAX_BATCH = 100;
/** Statuses where resending the same request cannot succeed. */
// 401/403 mean our key is wrong or revoked: a configuration fault that a fixed key cures, so transient.
const PERMANENT_STATUSES = new Set([400, 422]);
/** A rate limit asking for a longer wait than this is a quota, not a burst: hand it to the job runner. */
const MAX_IN_PROCESS_WAIT_MS = 60_000;
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 30_000;

type Sleep = (ms: number) => Promise<void>;
type BatchResponse = {
  data?: { id?: unknown }[];
  errors?: { index?: unknown; message?: unknown }[];
};

const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One message in the shape of the Resend API, without undefined fields. */
function toResend(m: OutgoingEmail): Record<string, unknown> {
  return {
    from: m.from,
    to: [m.to],
    subject: m.subject,
    ...(m.html !== undefined ? { html: m.html } : {}),
    text: m.text,
    ...(m.headers && Object.keys(m.headers).length ? { headers: m.headers } : {}),
    ...(m.replyTo !== undefined ? { reply_to: m.replyTo } : {}),
    ...(m.attachments?.length
      ? {
          attachments: m.attachments.map((a) => ({
            filename: a.filename,
            content: a.content.toString("base64"),
            content_type: a.contentType,
            content_id: a.cid,
          })),
        }
      : {}),
  };
}

/**
 * Idempotency key of one API call: the same messages in the same order give the same key,
 * so a retried call is answered from Resend's idempotency cache instead of sending twice.
 */
export function batchIdempotencyKey(messages: OutgoingEmail[]): string {
  return (
    "vk-batch-" +
    createHash("sha256")
      .update(messages.map((m) => m.key).join("\n"))
      .digest("hex")
  );
}

/** Idempotency key of a single-message call (messages with inline images). */
export function messageIdempotencyKey(m: OutgoingEmail): string {
  return "vk-msg-" + createHash("sha256").update(m.key).digest("hex");
}

/** Wait the API asked for: `retry-after` (seconds or HTTP date), else `ratelimit-reset` (seconds). */
function rateLimitWaitMs(headers: Headers): number {
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null) {
    const secs = Number(retryAfter);
    if (retryAfter.trim() !== "" && Number.isFinite(secs)) return Math.max(0, secs * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
  }
  const reset = Number(headers.get("ratelimit-reset") ?? NaN);
  return Number.isFinite(reset) && reset >= 0 ? reset * 1000 : DEFAULT_RATE_LIMIT_WAIT_MS;
}

/** "name: message" from a Resend error body, or the HTTP status when the body says nothing useful. */
async function errorText(res: Response): Promise<string> {
  const body = await res.text().catch(() => "");
  try {
    const json = JSON.parse(body) as { name?: unknown; message?: unknown };
    if (typeof json.message === "string")
      return typeof json.name === "string" ? `${json.name}: ${json.message}` : json.message;
  } catch {
    // not JSON; fall through
  }
  return `Resend API responded ${res.status}${body ? `: ${body.slice(0, 200)}` : ""}`;
}

/** fetch rejects with a bare "fetch failed"; the useful part (ECONNREFUSED, timeout) is the cause. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : "";
  return err.message + cause;
}

function failAll(
  messages: OutgoingEmail[],
  error: string,
  permanent: boolean,
  retryAfterMs?: number,
): SendResult[] {
  return messages.map((m) => ({
    key: m.key,
    ok: false as const,
    error,
    permanent,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  }));
}

/**
 * Results of a 200 answer. We ask for permissive batch validation, so one invalid message does
 * not sink the other 99: `errors` lists the rejected ones by index and `data` holds the ids of
 * the accepted ones, in request order (in strict mode `errors` is absent and `data` is complete).
 */
function okResults(messages: OutgoingEmail[], body: BatchResponse): SendResult[] {
  const rejected = new Map<number, string>();
  for (const e of body.errors ?? []) {
    const index = typeof e.index === "number" ? e.index : -1;
    if (Number.isInteger(index) && index >= 0 && index < messages.length) {
      rejected.set(index, typeof e.message === "string" ? e.message : "rejected by Resend");
    }
  }
  const ids = (body.data ?? []).map((d) => (typeof d.id === "string" ? d.id : undefined));
  const accepted = messages.length - rejected.size;
  let next = 0;
  return messages.map((m, i): SendResult => {
    const reason = rejected.get(i);
    if (reason !== undefined) return { key: m.key, ok: false, error: reason, permanent: true };
    const id = ids.length === accepted ? ids[next++] : undefined;
    // An answer we cannot line up is retried; the idempotency key keeps that from double-sending.
    if (!id)
      return {
        key: m.key,
        ok: false,
        error: "Resend response did not match the request",
        permanent: false,
      };
    return { key: m.key, ok: true, providerId: id };
  });
}

/** The Resend transport: the batch API over plain fetch, with rate-limit waits and idempotency keys. */
export function createResendTransport(opts: {
  apiKey: string;
  baseUrl: string;
  maxRetries?: number;
  sleep?: Sleep;
}): EmailTransport {
  const maxRetries = opts.maxRetries ?? 5;
  const sleep = opts.sleep ?? defaultSleep;
  const base = opts.baseUrl.replace(/\/+$/, "");

  /**
   * One API call: the batch endpoint, or for a message with inline images (which Resend's batch
   * endpoint does not accept) the single-message endpoint, with its own idempotency key.
   */
  async function sendCall(messages: OutgoingEmail[], single = false): Promise<SendResult[]> {
    const url = single ? `${base}/emails` : `${base}/emails/batch`;
    const init: RequestInit = {
      method: "POST",
      headers: {
        Authorization: `Bearer ${opts.apiKey}`,
        "Content-Type": "application/json",
        "Idempotency-Key": single
          ? messageIdempotencyKey(messages[0]!)
          : batchIdempotencyKey(messages),
        ...(single ? {} : { "x-batch-validation": "permissive" }),
      },
      body: JSON.stringify(single ? toResend(messages[0]!) : messages.map(toResend)),
    };
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      } catch (err) {
        // Network errors and timeouts; the message never contains our headers, so no key leaks.
        return failAll(messages, `Resend request failed: ${describe(err)}`, false);
      }
      if (res.ok) {
        const body = (await res.json().catch(() => ({}))) as BatchResponse & { id?: unknown };
        return single
          ? okResults(messages, { data: [{ id: body.id }] })
          : okResults(messages, body);
      }
      if (res.status === 429) {
        const waitMs = rateLimitWaitMs(res.headers);
        const error = await errorText(res);
        if (attempt < maxRetries && waitMs <= MAX_IN_PROCESS_WAIT_MS) {
          await sleep(waitMs);
          continue;
        }
        return failAll(messages, error, false, Math.max(waitMs, 1));
      }
      return failAll(messages, await errorText(res), PERMANENT_STATUSES.has(res.status));
    }
  }

  return {
    kind: "resend",
    maxBatch: MAX_BATCH,
    async sendBatch(messages: OutgoingEmail[]): Promise<SendResult[]> {
      const results = new Map<string, SendResult>();
      const plain = messages.filter((m) => !m.attachments?.length);
      // Calls go one after another: Resend's default rate limit is a few requests per second.
      for (let i = 0; i < plain.length; i += MAX_BATCH) {
        for (const r of await sendCall(plain.slice(i, i + MAX_BATCH))) results.set(r.key, r);
      }
      for (const m of messages.filter((x) => x.attachments?.length)) {
        for (const r of await sendCall([m], true)) results.set(r.key, r);
      }
      return messages.map((m) => results.get(m.key)!);
    },
    async close() {},
  };
}
