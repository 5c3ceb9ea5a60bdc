"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { registerFromInvitationAction } from "@/lib/orgs/invitation-actions";
import { Field, FormStatus } from "@/components/forms/field";
import { PasswordField } from "@/components/forms/password-field";
import { Button } from "@/components/ui/button";

/** Registration from an invitation: names, e-mail (prefilled, editable) and a policy-checked password. */
export function RegisterForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invite");
  const [state, action, pending] = useActionState(registerFromInvitationAction, null);
  const [names, setNames] = useState({ firstName: "", lastName: "" });
  if (state?.ok && state.data) {
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
        {t("checkEmail", { email: state.data.email })}
      </p>
    );
  }
  const fe = state?.fieldErrors;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-600">{t("registerHelp")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t("firstName")}
          name="firstName"
          autoComplete="given-name"
          required
          defaultValue={state?.values?.firstName}
          errors={fe?.firstName}
          onChange={(e) => setNames((n) => ({ ...n, firstName: e.target.value }))}
        />
        <Field
          label={t("lastName")}
          name="lastName"
          autoComplete="family-name"
          required
          defaultValue={state?.values?.lastName}
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
        defaultValue={state?.values?.email ?? email}
        errors={fe?.email}
      />
      <PasswordField
        name="password"
        label={t("password")}
        errors={fe?.password}
        firstName={names.firstName}
        lastName={names.lastName}
      />
      <FormStatus error={fe ? undefined : state?.error} success="" />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
