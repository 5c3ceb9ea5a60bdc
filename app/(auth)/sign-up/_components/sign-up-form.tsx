"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { signUpAction } from "@/lib/auth/account-actions";
import { Field, FormStatus } from "@/components/forms/field";
import { PasswordField } from "@/components/forms/password-field";
import { Button } from "@/components/ui/button";

/** "Check your e-mail": the same whether the address was new or already had an account. */
function CheckEmail({ email, sandbox }: { email: string; sandbox: boolean }) {
  const t = useTranslations("signUp");
  return (
    <div role="status" className="space-y-3 text-sm text-slate-800">
      <h2 className="text-lg font-semibold">{t("checkTitle")}</h2>
      <p>{t("checkBody", { email })}</p>
      <p className="text-slate-600">{t("checkNoMail")}</p>
      <p className="flex flex-wrap gap-4">
        <Link href="/verify" className="text-brand-700 underline">
          {t("resend")}
        </Link>
        {sandbox ? (
          <Link href="/sandbox/mail" className="font-medium text-brand-700 underline">
            {t("sandboxMail")}
          </Link>
        ) : null}
      </p>
    </div>
  );
}

export function SignUpForm({ sandbox }: { sandbox: boolean }) {
  const t = useTranslations("signUp");
  const [state, action, pending] = useActionState(signUpAction, null);
  const [names, setNames] = useState({ firstName: "", lastName: "" });
  if (state?.ok && state.data) return <CheckEmail email={state.data.email} sandbox={sandbox} />;
  const v = state?.values;
  const fe = state?.fieldErrors;
  return (
    <form action={action} className="space-y-5" noValidate>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("personSection")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("firstName")}
            name="firstName"
            autoComplete="given-name"
            required
            defaultValue={v?.firstName}
            errors={fe?.firstName}
            onChange={(e) => setNames((n) => ({ ...n, firstName: e.target.value }))}
          />
          <Field
            label={t("lastName")}
            name="lastName"
            autoComplete="family-name"
            required
            defaultValue={v?.lastName}
            errors={fe?.lastName}
            onChange={(e) => setNames((n) => ({ ...n, lastName: e.target.value }))}
          />
        </div>
        <Field
          label={t("email")}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={v?.email}
          errors={fe?.email}
          hint={t("emailHint")}
        />
        <PasswordField
          name="password"
          label={t("password")}
          errors={fe?.password}
          firstName={names.firstName}
          lastName={names.lastName}
        />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("orgSection")}</legend>
        <Field
          label={t("orgName")}
          name="orgName"
          autoComplete="organization"
          required
          defaultValue={v?.orgName}
          errors={fe?.orgName}
        />
        <Field
          label={t("businessId")}
          name="businessId"
          required
          defaultValue={v?.businessId}
          errors={fe?.businessId}
          hint={t("businessIdHint")}
        />
      </fieldset>
      <FormStatus error={state?.error} success="" />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
