import { getDb } from "@/db";
import { env } from "@/lib/env";
import type { EmailTransport } from "./transport";
import { createSandboxTransport } from "./sandbox";
import { createSmtpTransport } from "./smtp";
import { createResendTransport } from "./resend";
import { transportDkimKey } from "@/lib/senders/dkim";

const g = globalThis as unknown as { __vkEmail?: EmailTransport };

/** The configured e-mail transport of this process (one pool, created on first use). */
export function emailTransport(): EmailTransport {
  if (g.__vkEmail) return g.__vkEmail;
  const e = env();
  g.__vkEmail =
    e.EMAIL_TRANSPORT === "smtp"
      ? createSmtpTransport({
          url: e.SMTP_URL!,
          poolSize: e.SMTP_POOL_SIZE,
          dkim: transportDkimKey(),
        })
      : e.EMAIL_TRANSPORT === "resend"
        ? createResendTransport({ apiKey: e.RESEND_API_KEY!, baseUrl: e.RESEND_BASE_URL })
        : createSandboxTransport(getDb);
  return g.__vkEmail;
}

/** Test hook: use this transport instead of the configured one. */
export function setEmailTransport(t: EmailTransport | undefined) {
  g.__vkEmail = t;
}
