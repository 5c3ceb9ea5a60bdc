"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/auth/actions";
import { Field, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("signIn");
  const err = useErrorText();
  const [state, action, pending] = useActionState(signInAction, null);
  const error = state?.error;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state?.values?.email}
      />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <p className="-mt-2 text-right text-sm">
        <Link href="/reset" className="text-brand-700 underline">
          {t("forgot")}
        </Link>
      </p>
      {error ? (
        <div role="alert" className="space-y-1 text-sm text-red-700">
          <p>
            {error === "signIn.unverified"
              ? t("unverified")
              : error.startsWith("errors.")
                ? err(error)
                : t("failed")}
          </p>
          {error === "signIn.unverified" ? (
            <p>
              <Link href="/verify" className="font-medium text-brand-700 underline">
                {t("resend")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
