import { getDb } from "@/db";
import { env } from "@/lib/env";
import type { SmsGateway } from "./gateway";
import { createKannelGateway } from "./kannel";
import { createSandboxGateway } from "./sandbox";

const g = globalThis as unknown as { __vkSms?: SmsGateway };

/** The URL Kannel posts delivery reports to (route app/api/webhooks/sms/kannel). */
export function kannelReportUrl(): string {
  const e = env();
  return `${(e.KANNEL_REPORT_BASE_URL ?? e.APP_URL).replace(/\/+$/, "")}/api/webhooks/sms/kannel`;
}

/** The configured SMS gateway of this process: sandbox (default) or Kannel. */
export function smsGateway(): SmsGateway {
  if (g.__vkSms) return g.__vkSms;
  const e = env();
  g.__vkSms =
    e.SMS_GATEWAY === "kannel"
      ? createKannelGateway({
          sendsmsUrl: e.KANNEL_SENDSMS_URL!,
          username: e.KANNEL_USERNAME!,
          password: e.KANNEL_PASSWORD!,
          maxParts: e.KANNEL_MAX_PARTS,
          concurrency: e.KANNEL_CONCURRENCY,
          reportUrl: kannelReportUrl(),
        })
      : createSandboxGateway(getDb);
  return g.__vkSms;
}
