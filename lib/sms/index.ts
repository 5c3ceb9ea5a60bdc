import { getDb } from "@/db";
import type { SmsGateway } from "./gateway";
import { createSandboxGateway } from "./sandbox";

const g = globalThis as unknown as { __vkSms?: SmsGateway };

/** The configured SMS gateway of this process. (Kannel arrives with the SMS issue.) */
export function smsGateway(): SmsGateway {
  g.__vkSms ??= createSandboxGateway(getDb);
  return g.__vkSms;
}
