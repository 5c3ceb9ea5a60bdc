"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { addSmsSenderAction } from "@/lib/sms/actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** A main user adds an allowed sender name or number; bad characters are named. */
export function AddSenderForm({ org }: { org: string }) {
  const t = useTranslations("smsSenders");
  const [state, action, pending] = useActionState(
    addSmsSenderAction as (
      p: ActionResult<unknown> | null,
      f: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <Field
        label={t("sender")}
        hint={t("senderHint")}
        name="sender"
        maxLength={16}
        defaultValue={state?.ok ? "" : (state?.values?.sender ?? "")}
        errors={state?.fieldErrors?.sender}
        key={state?.ok ? "reset" : "keep"}
      />
      <Button type="submit" disabled={pending}>
        {t("add")}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={t("added")} />
    </form>
  );
}
