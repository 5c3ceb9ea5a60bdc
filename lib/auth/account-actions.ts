"use server";

import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { AppError } from "@/lib/errors";
import { publicAction } from "@/lib/user-action";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { EmailOnlySchema, ResetPasswordSchema, SignUpSchema } from "./schemas";
import { signUp } from "./sign-up";
import { resendVerification } from "./verify-email";

/** Registers a person and their organisation; the answer never says whether the address was new. */
export const signUpAction = publicAction({ schema: SignUpSchema }, async (input, ctx) => {
  const locale = (await getLocale()) === "en" ? "en" : "fi";
  await signUp(await getDb(), input, { ip: ctx.ip, locale, now: new Date() });
  return { email: input.email };
});

/** Mails a new verification link (at most one per 15 min per address); the same answer for any address. */
export const resendVerificationAction = publicAction(
  { schema: EmailOnlySchema },
  async (input, ctx) => {
    await resendVerification(await getDb(), input.email, { ip: ctx.ip, now: new Date() });
    return { email: input.email };
  },
);

/** Mails a password-reset link if the address has an account; the same answer for any address. */
export const requestPasswordResetAction = publicAction(
  { schema: EmailOnlySchema },
  async (input, ctx) => {
    await requestPasswordReset(await getDb(), input.email, { ip: ctx.ip, now: new Date() });
    return { email: input.email };
  },
);

/** Sets a new password through a reset link. */
export const resetPasswordAction = publicAction(
  { schema: ResetPasswordSchema },
  async (input, ctx) => {
    const { status } = await resetPassword(await getDb(), input, { ip: ctx.ip, now: new Date() });
    if (status !== "valid") throw new AppError("NOT_FOUND", { userMessage: "errors.LINK_INVALID" });
    return {};
  },
);
