import http from "node:http";
import { smsLength } from "./encoding";
import type { OutgoingSms, SmsGateway, SmsSendResult } from "./gateway";
import { signReportToken } from "./report-token";

/**
 * The Kannel adapter (issue 6): sends through smsbox's HTTP sendsms interface over keep-alive
 * connections with bounded concurrency. Kannel's quirks stay here:
 * - text outside GSM-7 must go as `coding=2&charset=UTF-8`, or Kannel turns it into `?`;
 * - parts beyond the sendsms user's `max-messages` are silently dropped, so longer texts are
 *   refused before they reach Kannel (the same `smsLength` the editor counter uses);
 * - a full queue (`sms-outgoing-queue-limit`) answers 503: back off and retry;
 * - delivery reports come to `dlr-url`, which carries a signed token naming our message key.
 */
export type KannelConfig = {
  /** e.g. http://127.0.0.1:13013/cgi-bin/sendsms */
  sendsmsUrl: string;
  username: string;
  password: string;
  /** The sendsms user's `max-messages` (parts). */
  maxParts: number;
  /** Concurrent sendsms requests (and keep-alive sockets). */
  concurrency: number;
  /** Where Kannel sends delivery reports, e.g. https://app.example.fi/api/webhooks/sms/kannel */
  reportUrl: string;
  /**
   * 503 (queue full) retries inside one call before giving the message back as a transient
   * failure. A full queue is Kannel's flow control, so the wait doubles from `busyBaseDelayMs`
   * only up to `busyMaxDelayMs`: a long sleep would leave the queue to run dry while this
   * batch waits for its slowest message (defaults: 100 ms → 500 ms, ~9 s in all).
   */
  busyRetries?: number;
  busyBaseDelayMs?: number;
  busyMaxDelayMs?: number;
  timeoutMs?: number;
};

type Reply = { status: number; body: string };

/** Builds the sendsms query for one message, or a refusal reason. */
export function sendsmsQuery(
  cfg: Pick<KannelConfig, "username" | "password" | "maxParts" | "reportUrl">,
  m: OutgoingSms,
):
  | { ok: true; query: string; parts: number; encoding: "gsm7" | "ucs2" }
  | { ok: false; error: string } {
  if (m.text.trim() === "") return { ok: false, error: "empty text" };
  const len = smsLength(m.text);
  if (len.parts > cfg.maxParts)
    return { ok: false, error: `text needs ${len.parts} parts, at most ${cfg.maxParts} allowed` };
  // Kannel expands %-escapes in dlr-url (%d type, %A reply, %T time); the token is URL-safe.
  const report = `${cfg.reportUrl}?t=${signReportToken(m.key)}&type=%d&at=%T&reply=%A`;
  const params = new URLSearchParams({
    username: cfg.username,
    password: cfg.password,
    from: m.from,
    to: m.to,
    text: m.text,
    charset: "UTF-8",
    coding: len.encoding === "ucs2" ? "2" : "0",
    "dlr-mask": "31",
    "dlr-url": report,
  });
  return { ok: true, query: params.toString(), parts: len.parts, encoding: len.encoding };
}

/** Creates the Kannel gateway. */
export function createKannelGateway(cfg: KannelConfig): SmsGateway {
  const url = new URL(cfg.sendsmsUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: cfg.concurrency });
  const busyRetries = cfg.busyRetries ?? 20;
  const baseDelay = cfg.busyBaseDelayMs ?? 100;
  const maxDelay = cfg.busyMaxDelayMs ?? 500;

  const get = (query: string) =>
    new Promise<Reply>((resolve, reject) => {
      const req = http.get(
        { host: url.hostname, port: url.port, path: `${url.pathname}?${query}`, agent },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: body.trim() }));
          res.on("error", reject);
        },
      );
      req.setTimeout(cfg.timeoutMs ?? 15_000, () => req.destroy(new Error("sendsms timed out")));
      req.on("error", reject);
    });

  async function sendOne(m: OutgoingSms): Promise<SmsSendResult> {
    const built = sendsmsQuery(cfg, m);
    if (!built.ok) return { key: m.key, ok: false, error: built.error, permanent: true };
    for (let attempt = 0; ; attempt++) {
      let reply: Reply;
      try {
        reply = await get(built.query);
      } catch (e) {
        // Kannel down or restarting: the gateway's fault, not the recipient's.
        return {
          key: m.key,
          ok: false,
          error: `kannel unreachable: ${(e as Error).message}`,
          permanent: false,
          retryAfterMs: 2000,
          gatewayDown: true,
        };
      }
      if (reply.status === 202 || reply.status === 200)
        return {
          key: m.key,
          ok: true,
          providerId: `kannel:${m.key}`,
          parts: built.parts,
          encoding: built.encoding,
        };
      if (reply.status === 503 && attempt < busyRetries) {
        await new Promise((r) => setTimeout(r, Math.min(maxDelay, baseDelay * 2 ** attempt)));
        continue;
      }
      // A queue that stays full is the gateway's state, not the recipient's: no attempt counted.
      if (reply.status === 503)
        return {
          key: m.key,
          ok: false,
          error: `kannel queue full: ${reply.body}`,
          permanent: false,
          retryAfterMs: 1000,
          gatewayDown: true,
        };
      // 401/403 is our configuration, not the message: retry later rather than fail recipients
      // (the campaign's progress shows the error while it waits).
      if (reply.status === 401 || reply.status === 403)
        return {
          key: m.key,
          ok: false,
          error: `kannel refused credentials: ${reply.body}`,
          permanent: false,
          retryAfterMs: 60_000,
          gatewayDown: true,
        };
      if (reply.status >= 500)
        return {
          key: m.key,
          ok: false,
          error: `kannel ${reply.status}: ${reply.body}`,
          permanent: false,
        };
      return {
        key: m.key,
        ok: false,
        error: `kannel ${reply.status}: ${reply.body}`,
        permanent: true,
      };
    }
  }

  return {
    kind: "kannel",
    maxBatch: 500,
    async sendBatch(messages) {
      const results: SmsSendResult[] = new Array(messages.length);
      let next = 0;
      const worker = async () => {
        while (next < messages.length) {
          const i = next++;
          results[i] = await sendOne(messages[i]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(cfg.concurrency, messages.length) }, worker));
      return results;
    },
    async close() {
      agent.destroy();
    },
  };
}
