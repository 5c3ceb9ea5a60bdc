import { randomUUID } from "node:crypto";
import type { Db } from "@/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { enqueue } from "@/lib/jobs/enqueue";
import { systemEmail } from "./system-layout";

const copy = {
  fi: {
    subject: "Viestikoneen testiviesti",
    heading: "Testiviesti perillä",
    body: (org: string, by: string) => [
      `Tämä on organisaation ${org} testiviesti, jonka lähetti ${by}.`,
      "Jos luet tätä, sähköpostin lähetys toimii.",
    ],
    footer: "Viestikone – viestit asiakkaille yhdestä paikasta",
  },
  en: {
    subject: "Viestikone test message",
    heading: "Test message delivered",
    body: (org: string, by: string) => [
      `This is a test message of ${org}, sent by ${by}.`,
      "If you can read this, e-mail sending works.",
    ],
    footer: "Viestikone – customer messages from one place",
  },
};

/**
 * Queues a test e-mail of an organisation through the configured transport (as a job).
 * Caller has checked the editor role. With `actor`, the send is recorded as `email.test_sent` in
 * the same transaction. Returns the message key.
 */
export async function requestTestEmail(
  db: Db,
  opts: {
    orgId: string;
    orgName: string;
    to: string;
    sentBy: string;
    locale: "fi" | "en";
    actor?: { userId: string; ip: string | null };
  },
): Promise<{ messageKey: string }> {
  const c = copy[opts.locale];
  const mail = systemEmail({
    lang: opts.locale,
    subject: c.subject,
    heading: c.heading,
    paragraphs: c.body(opts.orgName, opts.sentBy),
    button: {
      label: opts.locale === "fi" ? "Avaa Viestikone" : "Open Viestikone",
      url: env().APP_URL,
    },
    footer: c.footer,
  });
  const messageKey = `test-${randomUUID()}`;
  await db.transaction(async (tx) => {
    await enqueue(tx, "email/message.requested", {
      orgId: opts.orgId,
      messageKey,
      to: opts.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: { "X-Viestikone-Kind": "test" },
    });
    if (opts.actor) {
      await recordAudit(tx, {
        orgId: opts.orgId,
        actorId: opts.actor.userId,
        actorEmail: opts.sentBy,
        action: "email.test_sent",
        targetType: "email",
        targetId: messageKey,
        ip: opts.actor.ip,
        details: { email: opts.to },
      });
    }
  });
  return { messageKey };
}
