"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { sendTestEmailAction } from "@/lib/email/actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export function TestEmailForm({ org, defaultTo }: { org: string; defaultTo: string }) {
  const t = useTranslations("overview");
  const [state, action, pending] = useActionState(sendTestEmailAction, null);
  return (
    <form action={action} className="space-y-3">
      <p className="text-sm text-slate-600">{t("testEmailHelp")}</p>
      <input type="hidden" name="org" value={org} />
      <Field
        label={t("to")}
        name="to"
        type="email"
        defaultValue={state?.values?.to ?? defaultTo}
        required
        errors={state?.fieldErrors?.to}
      />
      <FormStatus
        ok={state?.ok}
        error={state?.fieldErrors ? undefined : state?.error}
        success={t("queued")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
