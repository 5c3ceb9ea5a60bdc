"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import type { ActionResult } from "@/lib/action";
import { signIn, signOut } from "./auth";

/** Signs in with e-mail and password; on success next-auth redirects (thrown, passed on). */
export async function signInAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const next = String(formData.get("next") ?? "/");
  try {
    await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      // Only local paths: never an open redirect.
      redirectTo: next.startsWith("/") && !next.startsWith("//") ? next : "/",
    });
    return { ok: true };
  } catch (err) {
    if (err instanceof AuthError) return { ok: false, error: "signIn.failed" };
    throw err;
  }
}

/** Signs out and returns to the sign-in page. */
export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

/** Switches the UI language (cookie, one year). */
export async function setLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidatePath("/", "layout");
}
