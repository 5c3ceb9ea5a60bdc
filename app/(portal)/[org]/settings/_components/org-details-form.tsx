"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateOrgDetailsAction } from "@/lib/orgs/details-actions";
import { Field, FormStatus, TextArea } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export type OrgDetailsFormValues = {
  name: string;
  businessId: string;
  billingAddress: string;
  contactEmails: string;
};

/** The main user's form for the organisation's details; keeps what was typed when saving fails. */
export function OrgDetailsForm({ org, initial }: { org: string; initial: OrgDetailsFormValues }) {
  const t = useTranslations("orgSettings");
  const [state, action, pending] = useActionState(updateOrgDetailsAction, null);
  const v = (k: keyof OrgDetailsFormValues) => state?.values?.[k] ?? initial[k];
  const fe = state?.fieldErrors;
  const saved = state?.ok ? (state.data?.changed.length ? t("saved") : t("unchanged")) : "";
  return (
    // key: after a successful save the fields show the stored (normalised) values again.
    <form action={action} className="space-y-4" key={state?.ok ? JSON.stringify(initial) : "edit"}>
      <input type="hidden" name="org" value={org} />
      <Field
        label={t("name")}
        name="name"
        defaultValue={v("name")}
        required
        maxLength={200}
        autoComplete="organization"
        errors={fe?.name}
      />
      <Field
        label={t("businessId")}
        name="businessId"
        defaultValue={v("businessId")}
        required
        hint={t("businessIdHint")}
        errors={fe?.businessId}
      />
      <TextArea
        label={t("billingAddress")}
        name="billingAddress"
        defaultValue={v("billingAddress")}
        rows={3}
        maxLength={500}
        errors={fe?.billingAddress}
      />
      <TextArea
        label={t("contactEmails")}
        name="contactEmails"
        defaultValue={v("contactEmails")}
        rows={4}
        hint={t("contactEmailsHint")}
        errors={fe?.contactEmails}
      />
      <FormStatus
        ok={state?.ok}
        error={fe ? "errors.INVALID_INPUT" : state?.error}
        success={saved}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
