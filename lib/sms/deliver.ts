import type { EventData } from "@/inngest/events";
import { PermanentJobError, RetryLaterError } from "@/inngest/define";
import { smsGateway } from "./index";

/** Sends one requested SMS through the configured gateway; throws so the runner retries. */
export async function deliverSms(
  data: EventData<"sms/message.requested">,
): Promise<{ providerId: string }> {
  const [result] = await smsGateway().sendBatch([
    { key: data.messageKey, orgId: data.orgId, from: data.from, to: data.to, text: data.text },
  ]);
  if (!result) throw new Error("gateway returned no result");
  if (result.ok) return { providerId: result.providerId };
  if (result.permanent) throw new PermanentJobError(result.error);
  if (result.retryAfterMs) throw new RetryLaterError(result.error, result.retryAfterMs);
  throw new Error(result.error);
}
