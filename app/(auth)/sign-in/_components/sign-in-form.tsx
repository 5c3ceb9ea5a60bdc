"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/auth/actions";
import { Field } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState(signInAction, null);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <Field label={t("email")} name="email" type="email" autoComplete="username" required />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
      {state?.error ? (
        <p role="status" className="text-sm text-red-700">
          {t("failed")}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
