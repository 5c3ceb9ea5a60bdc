"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { savePrivacyAction } from "@/lib/registers/actions";
import { LEGAL_BASES, type LegalBasis } from "@/lib/registers/legal-bases";
import { Field, FormStatus, TextArea } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export type PrivacyFormValues = {
  controllerName: string;
  controllerBusinessId: string;
  controllerAddress: string;
  contactPerson: string;
  contactEmail: string;
  purpose: string;
  legalBasis: LegalBasis;
  retention: string;
  sources: string;
  recipients: string;
  addressSource: string;
  publish: boolean;
};

/** The register's privacy-notice form (R9); keeps what was typed when saving fails. */
export function PrivacyForm({
  org,
  registerId,
  initial,
  canEdit,
}: {
  org: string;
  registerId: string;
  initial: PrivacyFormValues;
  canEdit: boolean;
}) {
  const t = useTranslations("privacy");
  const [state, action, pending] = useActionState(savePrivacyAction, null);
  const v = (k: Exclude<keyof PrivacyFormValues, "publish" | "legalBasis">) =>
    state?.values?.[k] ?? initial[k];
  const fe = state?.fieldErrors;
  const publish = state?.values ? state.values.publish === "on" : initial.publish;
  const basis = (state?.values?.legalBasis as LegalBasis | undefined) ?? initial.legalBasis;
  return (
    <form action={action} className="space-y-6">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="registerId" value={registerId} />
      <fieldset className="space-y-4" disabled={!canEdit}>
        <legend className="text-base font-semibold">{t("controller")}</legend>
        <Field
          label={t("controllerName")}
          name="controllerName"
          defaultValue={v("controllerName")}
          required
          maxLength={200}
          errors={fe?.controllerName}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("controllerBusinessId")}
            name="controllerBusinessId"
            defaultValue={v("controllerBusinessId")}
            maxLength={20}
            errors={fe?.controllerBusinessId}
          />
          <Field
            label={t("contactPerson")}
            name="contactPerson"
            defaultValue={v("contactPerson")}
            maxLength={200}
            errors={fe?.contactPerson}
          />
        </div>
        <TextArea
          label={t("controllerAddress")}
          name="controllerAddress"
          defaultValue={v("controllerAddress")}
          rows={2}
          maxLength={500}
          errors={fe?.controllerAddress}
        />
        <Field
          label={t("contactEmail")}
          name="contactEmail"
          type="email"
          defaultValue={v("contactEmail")}
          required
          maxLength={320}
          errors={fe?.contactEmail}
        />
      </fieldset>
      <fieldset className="space-y-4" disabled={!canEdit}>
        <legend className="text-base font-semibold">{t("processing")}</legend>
        <TextArea
          label={t("purpose")}
          name="purpose"
          defaultValue={v("purpose")}
          rows={3}
          required
          maxLength={4000}
          hint={t("purposeHint")}
          errors={fe?.purpose}
        />
        <div className="space-y-1">
          <label htmlFor="legalBasis" className="block text-sm font-medium text-slate-800">
            {t("legalBasis")}
          </label>
          <select
            id="legalBasis"
            name="legalBasis"
            defaultValue={basis}
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            {LEGAL_BASES.map((b) => (
              <option key={b} value={b}>
                {t(`bases.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <TextArea
          label={t("retention")}
          name="retention"
          defaultValue={v("retention")}
          rows={2}
          required
          maxLength={2000}
          hint={t("retentionHint")}
          errors={fe?.retention}
        />
        <TextArea
          label={t("sources")}
          name="sources"
          defaultValue={v("sources")}
          rows={2}
          maxLength={2000}
          hint={t("sourcesHint")}
          errors={fe?.sources}
        />
        <TextArea
          label={t("recipients")}
          name="recipients"
          defaultValue={v("recipients")}
          rows={2}
          maxLength={2000}
          hint={t("recipientsHint")}
          errors={fe?.recipients}
        />
        <Field
          label={t("addressSource")}
          name="addressSource"
          defaultValue={v("addressSource")}
          maxLength={500}
          hint={t("addressSourceHint")}
          errors={fe?.addressSource}
        />
      </fieldset>
      {canEdit ? (
        <>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="publish"
              defaultChecked={publish}
              className="mt-1"
              key={String(publish)}
            />
            <span>
              <span className="font-medium">{t("publish")}</span>
              <span className="block text-slate-600">{t("publishHint")}</span>
            </span>
          </label>
          <FormStatus ok={state?.ok} error={state?.error} success={t("saved")} />
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
        </>
      ) : null}
    </form>
  );
}
