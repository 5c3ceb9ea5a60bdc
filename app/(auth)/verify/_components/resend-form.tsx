"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resendVerificationAction } from "@/lib/auth/account-actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** Asks for a new verification link; the answer is the same whether or not the address exists. */
export function ResendForm() {
  const t = useTranslations("verify");
  const [state, action, pending] = useActionState(resendVerificationAction, null);
  return (
    <form action={action} className="space-y-3">
      <p className="text-sm text-slate-600">{t("resendIntro")}</p>
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.values?.email}
        errors={state?.fieldErrors?.email}
      />
      <FormStatus
        ok={state?.ok}
        error={state?.fieldErrors ? undefined : state?.error}
        success={t("resendDone")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("resendSending") : t("resendSubmit")}
      </Button>
    </form>
  );
}
