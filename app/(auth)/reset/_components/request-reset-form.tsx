"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestPasswordResetAction } from "@/lib/auth/account-actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** Asks for a password-reset link; always the same answer, whether or not the address has an account. */
export function RequestResetForm({ sandbox }: { sandbox: boolean }) {
  const t = useTranslations("reset");
  const [state, action, pending] = useActionState(requestPasswordResetAction, null);
  return (
    <form action={action} className="space-y-4">
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.values?.email ?? state?.data?.email}
        errors={state?.fieldErrors?.email}
      />
      <FormStatus
        ok={state?.ok}
        error={state?.fieldErrors ? undefined : state?.error}
        success={t("sent")}
      />
      {state?.ok && sandbox ? (
        <p className="text-sm">
          <Link href="/sandbox/mail" className="font-medium text-brand-700 underline">
            {t("sandboxMail")}
          </Link>
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
