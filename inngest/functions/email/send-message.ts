import { defineJob } from "../../define";
import { deliverEmail } from "@/lib/email/deliver";

/** Sends one requested e-mail through the configured transport (idempotent per messageKey). */
export const sendEmailMessage = defineJob({
  id: "email-send-message",
  event: "email/message.requested",
  retries: 6,
  concurrency: 10,
  handler: async (data) => deliverEmail(data),
});
