"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import {
  changePasswordAction,
  requestEmailChangeAction,
  setAccountLocaleAction,
  updateNameAction,
} from "@/lib/account/actions";
import { Field, FormStatus } from "@/components/forms/field";
import { PasswordField } from "@/components/forms/password-field";
import { Button } from "@/components/ui/button";

/** First and last name. */
export function NameForm({ firstName, lastName }: { firstName: string; lastName: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(updateNameAction, null);
  const v = state?.values;
  return (
    <form action={action} className="space-y-3">
      <Field
        label={t("firstName")}
        name="firstName"
        autoComplete="given-name"
        required
        defaultValue={v?.firstName ?? firstName}
        errors={state?.fieldErrors?.firstName}
      />
      <Field
        label={t("lastName")}
        name="lastName"
        autoComplete="family-name"
        required
        defaultValue={v?.lastName ?? lastName}
        errors={state?.fieldErrors?.lastName}
      />
      <FormStatus
        ok={state?.ok}
        error={state?.fieldErrors ? undefined : state?.error}
        success={t("nameSaved")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveName")}
      </Button>
    </form>
  );
}

/** A new e-mail address: confirmed through a link sent to it, after the current password. */
export function EmailForm({ email, pendingEmail }: { email: string; pendingEmail: string | null }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(requestEmailChangeAction, null);
  const fe = state?.fieldErrors;
  return (
    <form action={action} className="space-y-3">
      <p className="text-sm text-slate-700">{t("currentEmail", { email })}</p>
      {pendingEmail && !state?.ok ? (
        <p className="text-sm text-amber-800">{t("pendingEmail", { email: pendingEmail })}</p>
      ) : null}
      <Field
        label={t("newEmail")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.values?.email}
        errors={fe?.email}
      />
      <Field
        label={t("currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={fe?.currentPassword}
      />
      <FormStatus
        ok={state?.ok}
        error={fe ? undefined : state?.error}
        success={state?.data ? t("emailSent", { email: state.data.email }) : ""}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("changeEmail")}
      </Button>
    </form>
  );
}

/** A new password after the current one, with the live policy checklist. */
export function PasswordForm({ firstName, lastName }: { firstName: string; lastName: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const fe = state?.fieldErrors;
  return (
    <form action={action} className="space-y-3">
      <Field
        label={t("currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={fe?.currentPassword}
      />
      <PasswordField
        name="password"
        label={t("newPassword")}
        errors={fe?.password}
        firstName={firstName}
        lastName={lastName}
      />
      <FormStatus
        ok={state?.ok}
        error={fe ? undefined : state?.error}
        success={t("passwordChanged")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("changePassword")}
      </Button>
    </form>
  );
}

const LANGUAGES = [
  { value: "fi", label: "Suomi" },
  { value: "en", label: "English" },
] as const;

/** The language of the interface and of account e-mails, saved on the account. */
export function LanguageForm({ locale }: { locale: "fi" | "en" }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(setAccountLocaleAction, null);
  const [value, setValue] = useState<string>(locale);
  return (
    <form action={action} className="space-y-3">
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("language")}</legend>
        <p className="mb-2 text-xs text-slate-600">{t("languageHelp")}</p>
        <div className="flex gap-4">
          {LANGUAGES.map((l) => (
            <label key={l.value} className="flex items-center gap-2 text-sm" lang={l.value}>
              <input
                type="radio"
                name="locale"
                value={l.value}
                checked={value === l.value}
                onChange={() => setValue(l.value)}
              />
              {l.label}
            </label>
          ))}
        </div>
      </fieldset>
      <FormStatus ok={state?.ok} error={state?.error} success={t("languageSaved")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveLanguage")}
      </Button>
    </form>
  );
}
