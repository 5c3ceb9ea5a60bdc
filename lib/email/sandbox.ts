import type { Db } from "@/db";
import { sandboxEmails } from "@/db/schema";
import type { EmailTransport, OutgoingEmail, SendResult } from "./transport";
import { mimeSize } from "./mime-size";

/**
 * The sandbox transport: stores each message (once per key) for the sandbox outbox page and
 * delivers nothing. For trying the product out, not a test double.
 */
export function createSandboxTransport(getDb: () => Promise<Db>): EmailTransport {
  return {
    kind: "sandbox",
    maxBatch: 500,
    async sendBatch(messages: OutgoingEmail[]): Promise<SendResult[]> {
      if (messages.length === 0) return [];
      const db = await getDb();
      const rows = await db
        .insert(sandboxEmails)
        .values(
          messages.map((m) => ({
            orgId: m.orgId,
            messageKey: m.key,
            fromAddress: m.from,
            toAddress: m.to,
            subject: m.subject,
            html: m.html === undefined ? null : inlineAttachments(m),
            text: m.text,
            headers: standardHeaders(m),
            sizeBytes: mimeSize(m),
          })),
        )
        .onConflictDoNothing({ target: sandboxEmails.messageKey })
        .returning({ id: sandboxEmails.id, key: sandboxEmails.messageKey });
      const ids = new Map(rows.map((r) => [r.key, r.id]));
      return messages.map((m) => ({
        key: m.key,
        ok: true as const,
        providerId: ids.get(m.key) ?? `sandbox-dup-${m.key}`,
      }));
    },
    async close() {},
  };
}

/**
 * The HTML as the outbox shows it: `cid:` references to inline images become data: URLs, so the
 * stored message is viewable on its own (a real transport sends them as MIME parts instead).
 */
function inlineAttachments(m: OutgoingEmail): string {
  const html = m.html ?? "";
  if (!m.attachments?.length) return html;
  const byCid = new Map(m.attachments.map((a) => [a.cid, a]));
  return html.replace(/(["'(])cid:([^"')\s]+)/g, (whole, quote: string, cid: string) => {
    const a = byCid.get(cid);
    return a ? `${quote}data:${a.contentType};base64,${a.content.toString("base64")}` : whole;
  });
}

/** The headers a real transport would put on the message, for display. */
function standardHeaders(m: OutgoingEmail): Record<string, string> {
  const domain = /@([^>\s]+)/.exec(m.from)?.[1] ?? "viestikone.local";
  return {
    From: m.from,
    To: m.to,
    Subject: m.subject,
    Date: new Date().toUTCString(),
    "Message-ID": `<${m.key}@${domain}>`,
    "MIME-Version": "1.0",
    "Content-Type": m.attachments?.length
      ? "multipart/related"
      : m.html
        ? "multipart/alternative"
        : "text/plain; charset=utf-8",
    ...(m.replyTo ? { "Reply-To": m.replyTo } : {}),
    ...(m.attachments?.length
      ? { "X-Inline-Images": m.attachments.map((a) => `${a.filename} <${a.cid}>`).join(", ") }
      : {}),
    ...(m.headers ?? {}),
  };
}
