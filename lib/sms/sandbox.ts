import type { Db } from "@/db";
import { sandboxSms } from "@/db/schema";
import { smsLength } from "./encoding";
import type { OutgoingSms, SmsGateway, SmsSendResult } from "./gateway";

/**
 * The sandbox gateway: stores outbound messages (once per key) for the sandbox phone page.
 * Delivers nothing; for trying the product out.
 */
export function createSandboxGateway(getDb: () => Promise<Db>): SmsGateway {
  return {
    kind: "sandbox",
    maxBatch: 500,
    async sendBatch(messages: OutgoingSms[]): Promise<SmsSendResult[]> {
      if (messages.length === 0) return [];
      const db = await getDb();
      const measured = messages.map((m) => ({ m, len: smsLength(m.text) }));
      const rows = await db
        .insert(sandboxSms)
        .values(
          measured.map(({ m, len }) => ({
            orgId: m.orgId,
            messageKey: m.key,
            sender: m.from,
            recipient: m.to,
            body: m.text,
            encoding: len.encoding,
            parts: len.parts,
          })),
        )
        .onConflictDoNothing({ target: sandboxSms.messageKey })
        .returning({ id: sandboxSms.id, key: sandboxSms.messageKey });
      const ids = new Map(rows.map((r) => [r.key, r.id]));
      return measured.map(({ m, len }) => ({
        key: m.key,
        ok: true as const,
        providerId: ids.get(m.key) ?? `sandbox-dup-${m.key}`,
        parts: len.parts,
        encoding: len.encoding,
      }));
    },
    async close() {},
  };
}
