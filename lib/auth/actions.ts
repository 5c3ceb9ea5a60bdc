"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { setUserLocale } from "@/lib/account/profile";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import type { ActionResult } from "@/lib/action";
import { auth, signIn, signOut } from "./auth";
import { findUserByEmail } from "./users";

/** Sets the UI language cookie (one year). */
async function setLocaleCookie(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
  });
}

/** The form's error for a refused sign-in (see SignInRefused in ./auth). */
function signInError(err: AuthError): string {
  const code = (err as { code?: string }).code ?? "";
  if (code === "unverified") return "signIn.unverified";
  const minutes = /^rate_limited_(\d+)$/.exec(code)?.[1];
  if (minutes) return `errors.RATE_LIMITED_MINUTES|minutes=${minutes}`;
  return "signIn.failed";
}

/**
 * Signs in with e-mail and password (rate limits, audit and verification are checked in the
 * credentials provider); on success sets the language the user saved and redirects.
 */
export async function signInAction(
  _prev: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const next = String(formData.get("next") ?? "/");
  // Only local paths: never an open redirect.
  const target =
    next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirect: false,
      redirectTo: target,
    });
  } catch (err) {
    if (err instanceof AuthError)
      return { ok: false, error: signInError(err), values: { email, next } };
    throw err;
  }
  const user = await findUserByEmail(await getDb(), email);
  if (user) await setLocaleCookie(user.locale);
  redirect(target);
}

/** Signs out and returns to the sign-in page. */
export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

/** Switches the UI language (cookie, one year); a signed-in user's choice is also saved. */
export async function setLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  await setLocaleCookie(locale);
  const session = await auth();
  if (session?.user?.id) await setUserLocale(await getDb(), session.user.id, locale);
  revalidatePath("/", "layout");
}
