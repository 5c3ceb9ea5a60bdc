import type { EventData } from "@/inngest/events";
import { PermanentJobError, RetryLaterError } from "@/inngest/define";
import { env } from "@/lib/env";
import { emailTransport } from "./index";

/**
 * Sends one requested message through the configured transport. Throws so the job runner
 * retries transient failures, and PermanentJobError for ones retrying cannot fix.
 */
export async function deliverEmail(
  data: EventData<"email/message.requested">,
): Promise<{ providerId: string }> {
  const [result] = await emailTransport().sendBatch([
    {
      key: data.messageKey,
      orgId: data.orgId,
      from: data.from ?? env().EMAIL_FROM,
      to: data.to,
      subject: data.subject,
      html: data.html,
      text: data.text,
      headers: data.headers,
    },
  ]);
  if (!result) throw new Error("transport returned no result");
  if (result.ok) return { providerId: result.providerId };
  if (result.permanent) throw new PermanentJobError(result.error);
  if (result.retryAfterMs) throw new RetryLaterError(result.error, result.retryAfterMs);
  throw new Error(result.error);
}
