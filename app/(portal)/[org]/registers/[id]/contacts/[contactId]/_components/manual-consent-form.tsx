"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { recordManualConsentAction } from "@/lib/consent/actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** Editors record a consent change given outside the forms (source manual, with a note). */
export function ManualConsentForm({
  org,
  registerId,
  contactId,
  channels,
}: {
  org: string;
  registerId: string;
  contactId: string;
  channels: ("email" | "sms")[];
}) {
  const t = useTranslations("consent");
  const [state, action, pending] = useActionState(
    recordManualConsentAction as (
      p: ActionResult<unknown> | null,
      f: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );
  const select =
    "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600";
  return (
    <form action={action} className="space-y-4">
      <p className="text-sm text-slate-600">{t("manualIntro")}</p>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="registerId" value={registerId} />
      <input type="hidden" name="contactId" value={contactId} />
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="mc-channel" className="block text-sm font-medium text-slate-800">
            {t("manualChannel")}
          </label>
          <select id="mc-channel" name="channel" className={select}>
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="mc-action" className="block text-sm font-medium text-slate-800">
            {t("manualAction")}
          </label>
          <select id="mc-action" name="action" className={select}>
            <option value="subscribe">{t("manualSubscribe")}</option>
            <option value="unsubscribe">{t("manualUnsubscribe")}</option>
          </select>
        </div>
      </div>
      <Field
        label={t("manualNote")}
        name="note"
        maxLength={500}
        hint={t("manualNoteHint")}
        defaultValue={state?.ok ? "" : (state?.values?.note ?? "")}
        errors={state?.fieldErrors?.note}
      />
      <Button type="submit" disabled={pending}>
        {t("manualSave")}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={t("manualSaved")} />
    </form>
  );
}
