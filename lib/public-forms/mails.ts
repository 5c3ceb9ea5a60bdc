import { randomUUID } from "node:crypto";
import type { Db } from "@/db";
import { appUrl } from "@/lib/auth/account-emails";
import { systemEmail } from "@/lib/email/system-layout";
import type { Locale } from "@/lib/i18n/config";
import { enqueue } from "@/lib/jobs/enqueue";
import { publicTranslator } from "./register";

/**
 * Queues the double opt-in confirmation or the edit-link mail through the e-mail job (so it goes
 * through the configured transport and shows in the sandbox outbox). The text is built only from
 * the organisation's and register's names in the database and the link: nothing the person typed
 * on the form is echoed, so the form cannot be used to mail arbitrary text to a third party.
 */
export async function queuePublicFormMail(
  db: Db,
  m: {
    kind: "confirm" | "edit";
    orgId: string;
    orgName: string;
    registerName: string;
    locale: Locale;
    to: string;
    token: string;
  },
): Promise<void> {
  const tp = await publicTranslator(m.locale);
  const t = (key: string, v?: Record<string, string>) => tp(`mail.${key}`, v);
  const names = { org: m.orgName, register: m.registerName };
  const url = appUrl(m.kind === "confirm" ? `/p/r/c/${m.token}` : `/p/r/e/${m.token}`);
  const mail = systemEmail({
    lang: m.locale,
    subject: t(`${m.kind}.subject`, names),
    heading: t(`${m.kind}.heading`, names),
    paragraphs: [t(`${m.kind}.body`, names), t("validity"), t("ignore")],
    button: { label: t(`${m.kind}.button`), url },
    footer: t("footer", names),
  });
  await enqueue(db, "email/message.requested", {
    orgId: m.orgId,
    messageKey: `public-${m.kind}-${randomUUID()}`,
    to: m.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: { "X-Viestikone-Kind": `register-${m.kind}` },
  });
}
