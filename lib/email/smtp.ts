import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { EmailTransport, OutgoingEmail, SendResult } from "./transport";

const MAX_BATCH = 50;

/** Error shape nodemailer attaches to SMTP failures (`responseCode` is the server's reply code). */
type SmtpError = Error & { code?: string; responseCode?: number };

/** Auth/config errors are about our setup, not the message: retrying after a fix can help. */
const SETUP_ERRORS = new Set(["EAUTH", "ENOAUTH", "EOAUTH2", "ECONFIG", "ETLS", "EREQUIRETLS"]);
/** Errors without a server reply that mean the server could not be reached or talked to. */
const NETWORK_ERRORS = new Set(["ECONNECTION", "ESOCKET", "ETIMEDOUT", "EDNS"]);

/**
 * Pool options from an smtp:// or smtps:// URL. We parse the URL ourselves because
 * `nodemailer.createTransport({ url, pool: true, ... })` ignores every option besides `url`
 * (it replaces the object with the parsed URL), which would silently give an unpooled transport.
 * Query parameters are passed through like nodemailer does (`?tls.rejectUnauthorized=false`).
 * (`maxRequeues` is a real pool option that @types/nodemailer 7 does not declare.)
 */
export function smtpPoolOptions(
  url: string,
  poolSize: number,
): SMTPPool.Options & { maxRequeues: number } {
  const u = new URL(url);
  if (u.protocol !== "smtp:" && u.protocol !== "smtps:")
    throw new Error("SMTP URL must start with smtp:// or smtps://");
  const extra: Record<string, unknown> = {};
  const tls: Record<string, unknown> = {};
  for (const [key, raw] of u.searchParams) {
    const value =
      raw === "true"
        ? true
        : raw === "false"
          ? false
          : raw !== "" && !isNaN(Number(raw))
            ? Number(raw)
            : raw;
    if (key.startsWith("tls.")) tls[key.slice(4)] = value;
    else if (!key.includes(".")) extra[key] = value;
  }
  return {
    ...extra,
    ...(Object.keys(tls).length ? { tls } : {}),
    host: u.hostname.replace(/^\[|\]$/g, ""),
    ...(u.port ? { port: Number(u.port) } : {}),
    secure: u.protocol === "smtps:",
    ...(u.username
      ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
      : {}),
    pool: true,
    maxConnections: Math.max(1, poolSize),
    // The pool requeues a message forever when its connection drops mid-send unless capped;
    // the job runner retries anyway, so give up early and report a transient failure.
    maxRequeues: 2,
    logger: false,
  };
}

/** Domain of the (possibly display-named) sender address, for the Message-ID right-hand side. */
function senderDomain(from: string): string | undefined {
  const addr = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  const at = addr.lastIndexOf("@");
  const domain = at >= 0 ? addr.slice(at + 1).trim() : "";
  return /^[A-Za-z0-9.-]+$/.test(domain) ? domain.toLowerCase() : undefined;
}

/**
 * Deterministic Message-ID for a key: characters outside [A-Za-z0-9_-] are escaped as =XX
 * (UTF-8 bytes; '=' itself is escaped too, so distinct keys never collide) to keep the
 * left-hand side a valid RFC 5322 dot-atom whatever our keys look like.
 */
export function messageIdFor(key: string, from: string, fallbackDomain: string): string {
  const local = Array.from(Buffer.from(key, "utf8"))
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9_-]/.test(c) ? c : "=" + b.toString(16).toUpperCase().padStart(2, "0");
    })
    .join("");
  return `<${local}@${senderDomain(from) ?? fallbackDomain}>`;
}

/**
 * Maps a nodemailer error to a result: 5xx replies are permanent, 4xx transient; a server that
 * cannot be reached or refuses our credentials is "gateway down" (retried without counting).
 */
function failure(key: string, err: unknown): SendResult {
  const e = (err instanceof Error ? err : new Error(String(err))) as SmtpError;
  const code = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const setup = e.code !== undefined && SETUP_ERRORS.has(e.code);
  // An EENVELOPE error without a server reply is nodemailer rejecting the address locally.
  const permanent =
    !setup &&
    ((code !== undefined && code >= 500 && code < 600) ||
      (e.code === "EENVELOPE" && code === undefined));
  const down = setup || (code === undefined && e.code !== undefined && NETWORK_ERRORS.has(e.code));
  return {
    key,
    ok: false,
    error: e.message || "SMTP send failed",
    permanent,
    ...(down ? { gatewayDown: true, retryAfterMs: setup ? 60_000 : 5_000 } : {}),
  };
}

/** The DKIM key the transport signs with (`d=` is each message's From domain). */
export type DkimKey = { selector: string; privateKey: string };

/**
 * The nodemailer message for one of ours: what the SMTP transport sends, and what the pre-flight
 * builds with MailComposer to score it (so rspamd sees the message exactly as it goes out).
 * With a DKIM key, nodemailer signs it for the From domain.
 */
export function smtpMessage(
  m: OutgoingEmail,
  fallbackDomain: string,
  dkim?: DkimKey | null,
): Mail.Options {
  const domain = senderDomain(m.from);
  return {
    from: m.from,
    to: m.to,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    subject: m.subject,
    text: m.text,
    ...(m.html !== undefined ? { html: m.html } : {}),
    ...(m.headers ? { headers: m.headers } : {}),
    ...(m.attachments?.length
      ? {
          attachments: m.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
            cid: a.cid,
            contentDisposition: "inline" as const,
          })),
        }
      : {}),
    messageId: messageIdFor(m.key, m.from, fallbackDomain),
    ...(dkim && domain
      ? { dkim: { domainName: domain, keySelector: dkim.selector, privateKey: dkim.privateKey } }
      : {}),
  };
}

/** The SMTP transport: a nodemailer connection pool fed from an smtp:// or smtps:// URL. */
export function createSmtpTransport(opts: {
  url: string;
  poolSize: number;
  dkim?: DkimKey | null;
}): EmailTransport {
  const options = smtpPoolOptions(opts.url, opts.poolSize);
  const fallbackDomain = options.host || "localhost";
  const transporter = nodemailer.createTransport(options);
  let closed = false;

  async function sendOne(m: OutgoingEmail): Promise<SendResult> {
    // A closed pool silently drops new messages without ever calling back, so never hand it one.
    if (closed)
      return { key: m.key, ok: false, error: "SMTP transport is closed", permanent: false };
    const message = smtpMessage(m, fallbackDomain, opts.dkim);
    try {
      const info = await transporter.sendMail(message);
      return { key: m.key, ok: true, providerId: info.messageId || String(message.messageId) };
    } catch (err) {
      return failure(m.key, err);
    }
  }

  return {
    kind: "smtp",
    maxBatch: MAX_BATCH,
    async sendBatch(messages: OutgoingEmail[]): Promise<SendResult[]> {
      const results: SendResult[] = [];
      // All messages of a chunk are queued at once; the pool bounds the real concurrency.
      for (let i = 0; i < messages.length; i += MAX_BATCH) {
        results.push(...(await Promise.all(messages.slice(i, i + MAX_BATCH).map(sendOne))));
      }
      return results;
    },
    async close() {
      closed = true;
      transporter.close();
    },
  };
}
