import { defineJob } from "../../define";
import { deliverSms } from "@/lib/sms/deliver";

/** Sends one requested SMS through the configured gateway (idempotent per messageKey). */
export const sendSmsMessage = defineJob({
  id: "sms-send-message",
  event: "sms/message.requested",
  retries: 6,
  concurrency: 10,
  handler: async (data) => deliverSms(data),
});
