"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { addColumnAction } from "@/lib/registers/actions";
import type { ColumnType } from "@/lib/registers/values";
import { Field, FormStatus, TextArea } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { ColumnTypeSelect } from "../../_components/column-type-select";

/** Adds a column; contacts already in the register simply have no value for it yet. */
export function AddColumnForm({ org, registerId }: { org: string; registerId: string }) {
  const t = useTranslations("registers");
  const [state, action, pending] = useActionState(addColumnAction, null);
  const [type, setType] = useState<ColumnType>("text");
  const v = state?.ok ? undefined : state?.values;
  return (
    <form
      action={action}
      className="grid gap-3 md:grid-cols-2"
      key={state?.ok ? String(state.data) : "form"}
    >
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="registerId" value={registerId} />
      <input type="hidden" name="type" value={type} />
      <Field
        label={t("columnLabel")}
        name="label"
        required
        maxLength={100}
        defaultValue={v?.label}
        errors={state?.fieldErrors?.label}
      />
      <ColumnTypeSelect value={type} onChange={setType} />
      <Field label={t("helpText")} name="helpText" defaultValue={v?.helpText} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="required" defaultChecked={v?.required === "on"} />
        {t("required")}
      </label>
      {type === "single_choice" || type === "multi_choice" ? (
        <TextArea
          label={t("options")}
          hint={t("optionsHint")}
          name="options"
          rows={3}
          defaultValue={v?.options}
        />
      ) : null}
      <div className="md:col-span-2">
        <Button type="submit" disabled={pending}>
          {t("addColumn")}
        </Button>
        <FormStatus ok={state?.ok} error={state?.error} success={t("columnAdded")} />
      </div>
    </form>
  );
}
