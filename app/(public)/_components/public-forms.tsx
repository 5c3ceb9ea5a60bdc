"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import {
  editRequestAction,
  joinAction,
  leaveAction,
  saveEditAction,
} from "@/lib/public-forms/actions";
import type { FormField } from "@/lib/public-forms/register";
import { Field, FormStatus, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Honeypot, PublicFields } from "./public-fields";

type Action = (p: ActionResult<unknown> | null, f: FormData) => Promise<ActionResult<unknown>>;

/** The hosted join form: chosen fields, honeypot, signed fill-time stamp, consent box. */
export function JoinForm({
  publicKey,
  fields,
  wording,
  stamp,
}: {
  publicKey: string;
  fields: FormField[];
  wording: string;
  stamp: string;
}) {
  const t = useTranslations("publicForms");
  const err = useErrorText();
  const [state, action, pending] = useActionState(joinAction as Action, null);
  const consentErr = state?.fieldErrors?.consent;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="key" value={publicKey} />
      <input type="hidden" name="t" value={stamp} />
      <Honeypot />
      <PublicFields fields={fields} values={state?.values ?? {}} fieldErrors={state?.fieldErrors} />
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="consent"
            value="yes"
            className="mt-1"
            defaultChecked={state?.values?.consent === "yes"}
            aria-invalid={consentErr ? true : undefined}
            aria-describedby={consentErr ? "consent-err" : undefined}
          />
          <span>{wording}</span>
        </label>
        {consentErr ? (
          <p id="consent-err" className="text-sm text-red-700">
            {consentErr.map(err).join(" ")}
          </p>
        ) : null}
      </div>
      <p className="text-xs text-slate-600">{t("requiredNote")}</p>
      <Button type="submit" disabled={pending}>
        {t("join.submit")}
      </Button>
      <FormStatus error={state?.error} success="" />
    </form>
  );
}

/** The hosted leave form and edit-link request form: one address field. */
export function AddressForm({
  publicKey,
  kind,
  stamp,
}: {
  publicKey: string;
  kind: "leave" | "edit";
  stamp: string;
}) {
  const t = useTranslations("publicForms");
  const [state, action, pending] = useActionState(
    (kind === "leave" ? leaveAction : editRequestAction) as Action,
    null,
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="key" value={publicKey} />
      <input type="hidden" name="t" value={stamp} />
      <Honeypot />
      <Field
        label={t("fields.email")}
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={state?.values?.email ?? ""}
        errors={state?.fieldErrors?.email}
      />
      <Button type="submit" disabled={pending}>
        {t(kind === "leave" ? "leave.submit" : "edit.submit")}
      </Button>
      <FormStatus error={state?.error} success="" />
    </form>
  );
}

/** The details form opened from an edit link; the e-mail address is shown, not editable. */
export function EditDetailsForm({
  token,
  email,
  fields,
  values,
}: {
  token: string;
  email: string;
  fields: FormField[];
  values: Record<string, string | string[]>;
}) {
  const t = useTranslations("publicForms");
  const [state, action, pending] = useActionState(saveEditAction as Action, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field label={t("edit.emailReadOnly")} name="emailShown" value={email} readOnly disabled />
      <PublicFields
        fields={fields}
        values={state?.values ?? values}
        fieldErrors={state?.fieldErrors}
      />
      <Button type="submit" disabled={pending}>
        {t("edit.save")}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={t("edit.saved")} />
    </form>
  );
}
