import { randomUUID } from "node:crypto";
import { createTranslator } from "next-intl";
import type { Db } from "@/db";
import { appUrl } from "@/lib/auth/account-emails";
import { systemEmail } from "@/lib/email/system-layout";
import type { Locale } from "@/lib/i18n/config";
import { enqueue } from "@/lib/jobs/enqueue";
import { loadMessages } from "@/messages";

/**
 * Queues the sender-verification mail as an e-mail job of the organisation (so it goes through
 * the configured transport and shows in the organisation's sandbox outbox). Only the
 * organisation's name and the address itself are put in it: never the display name someone typed.
 */
export async function queueSenderVerificationMail(
  db: Db,
  m: { orgId: string; orgName: string; address: string; token: string; locale: Locale },
): Promise<void> {
  const messages = (await loadMessages(m.locale)) as Parameters<
    typeof createTranslator
  >[0]["messages"];
  const t = createTranslator({
    locale: m.locale,
    messages,
    namespace: "senders.mail" as never,
  }) as (key: string, values?: Record<string, string>) => string;
  const values = { org: m.orgName, address: m.address };
  const mail = systemEmail({
    lang: m.locale,
    subject: t("subject", values),
    heading: t("heading", values),
    paragraphs: [t("body", values), t("validity"), t("ignore")],
    button: { label: t("button"), url: appUrl(`/p/s/${m.token}`) },
    footer: t("footer"),
  });
  await enqueue(db, "email/message.requested", {
    orgId: m.orgId,
    messageKey: `sender-verify-${randomUUID()}`,
    to: m.address,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: { "X-Viestikone-Kind": "sender-verify" },
  });
}
