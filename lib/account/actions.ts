"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import {
  ChangeEmailSchema,
  ChangePasswordSchema,
  LocaleSchema,
  ProfileNameSchema,
} from "@/lib/auth/schemas";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { userAction } from "@/lib/user-action";
import { changePassword, requestEmailChange, setUserLocale, updateProfileName } from "./profile";

/** Changes the signed-in user's name. */
export const updateNameAction = userAction({ schema: ProfileNameSchema }, async (input, ctx) => {
  await updateProfileName(await getDb(), ctx.userId, input);
  revalidatePath("/", "layout");
  return {};
});

/** Starts a change of address: a link to the new address, a notice to the old one. */
export const requestEmailChangeAction = userAction(
  { schema: ChangeEmailSchema },
  async (input, ctx) => {
    await requestEmailChange(await getDb(), ctx.userId, input, { ip: ctx.ip, now: new Date() });
    revalidatePath("/account");
    return { email: input.email };
  },
);

/** Changes the password after checking the current one. */
export const changePasswordAction = userAction(
  { schema: ChangePasswordSchema },
  async (input, ctx) => {
    await changePassword(await getDb(), ctx.userId, input, { ip: ctx.ip, now: new Date() });
    return {};
  },
);

/** Saves the language on the account and switches the UI to it. */
export const setAccountLocaleAction = userAction({ schema: LocaleSchema }, async (input, ctx) => {
  await setUserLocale(await getDb(), ctx.userId, input.locale);
  (await cookies()).set(LOCALE_COOKIE, input.locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
  });
  revalidatePath("/", "layout");
  return {};
});
