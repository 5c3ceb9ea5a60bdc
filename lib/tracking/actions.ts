"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { clientIp } from "@/lib/security/request";
import { setPreference } from "./unsubscribe";
import { unsubscribeWording } from "./wording";

const PreferenceSchema = z.object({
  token: z.string().min(10).max(80),
  contactId: z.string().regex(/^[0-9a-f-]{36}$/i),
  channel: z.enum(["email", "sms"]),
  subscribe: z.enum(["1", "0"]),
  lang: z.enum(["fi", "en"]).catch("fi"),
});

/**
 * A toggle of the preference centre (no session: the signed token in the form authorizes it,
 * checked again by `setPreference`). Works without JavaScript: answers with a redirect back to
 * the page, carrying the outcome.
 */
export async function setPreferenceAction(formData: FormData): Promise<void> {
  const parsed = PreferenceSchema.safeParse(Object.fromEntries(formData));
  const token = String(formData.get("token") ?? "").slice(0, 80);
  const back = (q: string) =>
    `/u/${encodeURIComponent(token)}/preferences?lang=${parsed.success ? parsed.data.lang : "fi"}&${q}`;
  if (!parsed.success) redirect(back("error=invalid"));
  const input = parsed.data;
  let outcome = "saved=1";
  try {
    await setPreference(
      await getDb(),
      input.token,
      { contactId: input.contactId, channel: input.channel, subscribe: input.subscribe === "1" },
      { ip: await clientIp(), wording: unsubscribeWording("preferences", input.lang) },
    );
  } catch (err) {
    if (!isAppError(err)) log.error({ err }, "preference change failed");
    outcome = `error=${isAppError(err) && err.code === "BAD_REQUEST" ? "noAddress" : "failed"}`;
  }
  redirect(back(outcome));
}
