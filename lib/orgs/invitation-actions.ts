"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { fieldErrorsOf, valuesOf, type ActionResult } from "@/lib/action";
import { auth, signIn } from "@/lib/auth/auth";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { clientIp } from "@/lib/security/request";
import { acceptInvitation } from "./invitation-accept";
import { registerFromInvitation } from "./invitation-register";
import { AcceptInvitationSchema, RegisterFromInvitationSchema } from "./schemas";

// These two actions have no organisation in the form (the token is the credential), so they do
// by hand what `orgAction` does: session (where needed), rate limit, zod parse, domain call,
// AppError → data. Next's redirects are thrown values that pass through.

function failure<T>(err: unknown, formData: FormData): ActionResult<T> {
  if (isAppError(err))
    return {
      ok: false,
      error: err.userMessage,
      fieldErrors: err.fieldErrors,
      values: valuesOf(formData),
    };
  if (err && typeof err === "object" && "digest" in err) throw err;
  log.error({ err }, "invitation action failed");
  return { ok: false, error: "errors.INTERNAL", values: valuesOf(formData) };
}

/** A signed-in user joins the organisation of an invitation with one click, then lands in it. */
export async function acceptInvitationAction(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  let slug: string;
  try {
    const session = await auth();
    const parsed = AcceptInvitationSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, error: "errors.INVITATION_INVALID" };
    if (!session?.user?.id)
      redirect(`/sign-in?next=${encodeURIComponent(`/invite/${parsed.data.token}`)}`);
    ({ slug } = await acceptInvitation(await getDb(), {
      token: parsed.data.token,
      userId: session.user.id,
      ip: await clientIp(),
    }));
  } catch (err) {
    return failure(err, formData);
  }
  redirect(`/${slug}`);
}

/**
 * Registers a new account from an invitation. With the invited address the account is verified
 * and signed in at once (next-auth's credentials sign-in, after the transaction committed) and
 * lands in the organisation; with an edited address it waits for e-mail verification.
 */
export async function registerFromInvitationAction(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult<{ email: string }>> {
  let done: { slug: string; email: string; verified: boolean };
  const parsed = RegisterFromInvitationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return {
      ok: false,
      error: "errors.INVALID_INPUT",
      fieldErrors: fieldErrorsOf(parsed.error),
      values: valuesOf(formData),
    };
  try {
    const db = await getDb();
    const ip = await clientIp();
    await enforceRateLimits(db, [
      { key: `invite-register:ip:${ip}`, limit: 20, windowSeconds: 15 * 60 },
    ]);
    const locale = (await getLocale()) === "en" ? "en" : "fi";
    done = await registerFromInvitation(db, { ...parsed.data, locale, ip });
  } catch (err) {
    return failure(err, formData);
  }
  if (!done.verified) return { ok: true, data: { email: done.email } };
  await signIn("credentials", {
    email: done.email,
    password: parsed.data.password,
    redirectTo: `/${done.slug}`,
  });
  return { ok: true, data: { email: done.email } };
}
