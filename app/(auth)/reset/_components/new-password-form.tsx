"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/lib/auth/account-actions";
import { FormStatus } from "@/components/forms/field";
import { PasswordField } from "@/components/forms/password-field";
import { Button } from "@/components/ui/button";

/** Sets a new password through a reset link (policy checked live here and again on the server). */
export function NewPasswordForm({
  token,
  firstName,
  lastName,
}: {
  token: string;
  firstName: string;
  lastName: string;
}) {
  const t = useTranslations("reset");
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-4 text-sm text-slate-800">
        <h2 className="text-lg font-semibold">{t("doneTitle")}</h2>
        <p>{t("doneBody")}</p>
        <Link
          href="/sign-in"
          className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        >
          {t("signIn")}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <PasswordField
        name="password"
        label={t("newPassword")}
        errors={state?.fieldErrors?.password}
        firstName={firstName}
        lastName={lastName}
      />
      <FormStatus error={state?.fieldErrors ? undefined : state?.error} success="" />
      {state?.error === "errors.LINK_INVALID" ? (
        <p className="text-sm">
          <Link href="/reset" className="text-brand-700 underline">
            {t("requestNew")}
          </Link>
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
