"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { moveColumnAction, updateColumnAction } from "@/lib/registers/actions";
import type { ColumnType } from "@/lib/registers/values";
import { Field, FormStatus, TextArea } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { RemoveColumn } from "./remove-column";

type Column = {
  id: string;
  key: string;
  label: string;
  type: ColumnType;
  required: boolean;
  helpText: string;
  options: string[];
  /** Whether the column has a typed slot in contact_facets (fast segment counts). */
  fastFilter: boolean;
};

/** One column: rename (the key and data stay), required, help text, options, move, remove. */
export function ColumnEditor({
  org,
  registerId,
  column: c,
  first,
  last,
  canEdit,
}: {
  org: string;
  registerId: string;
  column: Column;
  first: boolean;
  last: boolean;
  canEdit: boolean;
}) {
  const t = useTranslations("registers");
  const [state, action, pending] = useActionState(updateColumnAction, null);
  const [, move, moving] = useActionState(moveColumnAction, null);
  const v = state?.ok ? undefined : state?.values;
  const choice = c.type === "single_choice" || c.type === "multi_choice";
  if (!canEdit)
    return (
      <p className="text-sm">
        <span className="font-medium">{c.label}</span> · {t(`types.${c.type}`)}
        {c.required ? ` · ${t("required")}` : ""} · {t(c.fastFilter ? "fastFilter" : "slowFilter")}
      </p>
    );
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3">
      <p className="text-xs text-slate-600">
        {t(`types.${c.type}`)} · {t("keyIs", { key: c.key })} ·{" "}
        {t(c.fastFilter ? "fastFilter" : "slowFilter")}
      </p>
      <form action={action} className="grid gap-2 md:grid-cols-2">
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="registerId" value={registerId} />
        <input type="hidden" name="columnId" value={c.id} />
        <Field
          label={t("columnLabel")}
          name="label"
          required
          defaultValue={v?.label ?? c.label}
          errors={state?.fieldErrors?.label}
        />
        <Field label={t("helpText")} name="helpText" defaultValue={v?.helpText ?? c.helpText} />
        {choice ? (
          <TextArea
            label={t("options")}
            hint={t("optionsHint")}
            name="options"
            rows={3}
            defaultValue={v?.options ?? c.options.join("\n")}
          />
        ) : null}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="required"
            defaultChecked={v ? v.required === "on" : c.required}
          />
          {t("required")}
        </label>
        <div className="md:col-span-2">
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("saveColumn", { name: c.label })}
          </Button>
          <FormStatus ok={state?.ok} error={state?.error} success={t("columnSaved")} />
        </div>
      </form>
      <div className="flex flex-wrap items-start gap-2">
        {(["up", "down"] as const).map((d) => (
          <form key={d} action={move}>
            <input type="hidden" name="org" value={org} />
            <input type="hidden" name="registerId" value={registerId} />
            <input type="hidden" name="columnId" value={c.id} />
            <input type="hidden" name="direction" value={d} />
            <Button
              type="submit"
              variant="ghost"
              disabled={moving || (d === "up" ? first : last)}
              aria-label={t(d === "up" ? "moveUpNamed" : "moveDownNamed", { name: c.label })}
            >
              {d === "up" ? "↑" : "↓"}
            </Button>
          </form>
        ))}
        <RemoveColumn org={org} registerId={registerId} columnId={c.id} label={c.label} />
      </div>
    </div>
  );
}
