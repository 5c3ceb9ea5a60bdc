"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setSmsPriceAction } from "@/lib/operator/actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** The organisation's price per SMS part (S3), in cents, that its cost estimates use. */
export function SmsPriceForm({ orgId, cents }: { orgId: string; cents: string }) {
  const t = useTranslations("operator");
  const [state, run, pending] = useActionState(setSmsPriceAction, null);
  return (
    <form action={run} className="mt-6 space-y-2 border-t border-slate-200 pt-4">
      <input type="hidden" name="orgId" value={orgId} />
      <Field
        label={t("smsPriceLabel")}
        name="cents"
        inputMode="decimal"
        required
        defaultValue={state?.values?.cents ?? cents}
        hint={t("smsPriceHelp")}
        errors={state?.fieldErrors?.cents}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("smsPriceSave")}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={t("smsPriceSaved")} />
    </form>
  );
}
