"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { addSuppressionAction } from "@/lib/consent/actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** Editors add an e-mail address or phone number to the suppression list by hand. */
export function AddSuppressionForm({ org }: { org: string }) {
  const t = useTranslations("consent.suppressions");
  const [state, action, pending] = useActionState(
    addSuppressionAction as (
      p: ActionResult<unknown> | null,
      f: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );
  const v = state?.ok ? undefined : state?.values;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label={t("addAddress")}
          name="address"
          defaultValue={v?.address ?? ""}
          errors={state?.fieldErrors?.address}
          key={state?.ok ? "reset" : "keep"}
        />
        <Field
          label={t("addNote")}
          name="note"
          maxLength={500}
          defaultValue={v?.note ?? ""}
          errors={state?.fieldErrors?.note}
          key={state?.ok ? "reset-note" : "keep-note"}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {t("addSubmit")}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={t("added_ok")} />
    </form>
  );
}
