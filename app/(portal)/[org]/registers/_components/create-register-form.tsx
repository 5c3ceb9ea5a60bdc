"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createRegisterAction } from "@/lib/registers/actions";
import { COLUMN_TYPES, type ColumnType } from "@/lib/registers/values";
import { Field, FormStatus, TextArea } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { ColumnTypeSelect } from "./column-type-select";

type Row = {
  uid: number;
  label: string;
  type: ColumnType;
  required: boolean;
  helpText: string;
  options: string;
};

const isChoice = (t: ColumnType) => t === "single_choice" || t === "multi_choice";

function parseRows(json: string | undefined): Row[] {
  try {
    const arr = JSON.parse(json ?? "[]") as Array<
      Omit<Row, "uid" | "options"> & { options?: string[] }
    >;
    return arr.map((r, i) => ({ ...r, uid: i, options: (r.options ?? []).join("\n") }));
  } catch {
    return [];
  }
}

/** Name, description and a columns editor (add, rename, reorder, remove) posted as JSON. */
export function CreateRegisterForm({ org }: { org: string }) {
  const t = useTranslations("registers");
  const [state, action, pending] = useActionState(createRegisterAction, null);
  const [rows, setRows] = useState<Row[]>(() => parseRows(state?.values?.columns));
  const [next, setNext] = useState(1000);
  const set = (uid: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.uid === uid ? { ...r, ...patch } : r)));
  const move = (i: number, d: -1 | 1) =>
    setRows((rs) => {
      const out = [...rs];
      [out[i], out[i + d]] = [out[i + d]!, out[i]!];
      return out;
    });
  const json = JSON.stringify(
    rows.map(({ label, type, required, helpText, options }) => ({
      label,
      type,
      required,
      helpText,
      options: isChoice(type) ? options.split("\n") : [],
    })),
  );
  const fe = state?.fieldErrors;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="columns" value={json} />
      <Field
        label={t("name")}
        name="name"
        required
        maxLength={100}
        defaultValue={state?.values?.name}
        errors={fe?.name}
      />
      <TextArea
        label={t("description")}
        name="description"
        rows={2}
        defaultValue={state?.values?.description}
      />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t("columns")}</legend>
        <p className="text-xs text-slate-600">{t("builtInColumns")}</p>
        {rows.map((r, i) => (
          <div
            key={r.uid}
            className="grid gap-2 rounded-md border border-slate-200 p-3 md:grid-cols-2"
          >
            <Field
              label={t("columnLabel")}
              name={`col-label-${r.uid}`}
              value={r.label}
              onChange={(e) => set(r.uid, { label: e.target.value })}
              required
            />
            <ColumnTypeSelect value={r.type} onChange={(type) => set(r.uid, { type })} />
            <Field
              label={t("helpText")}
              name={`col-help-${r.uid}`}
              value={r.helpText}
              onChange={(e) => set(r.uid, { helpText: e.target.value })}
            />
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={r.required}
                onChange={(e) => set(r.uid, { required: e.target.checked })}
              />
              {t("required")}
            </label>
            {isChoice(r.type) ? (
              <TextArea
                label={t("options")}
                hint={t("optionsHint")}
                name={`col-options-${r.uid}`}
                rows={3}
                value={r.options}
                onChange={(e) => set(r.uid, { options: e.target.value })}
              />
            ) : null}
            <div className="flex flex-wrap gap-2 md:col-span-2">
              <Button
                type="button"
                variant="ghost"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t("moveUpNamed", { name: r.label || i + 1 })}
              >
                ↑
              </Button>
              <Button
                type="button"
                variant="ghost"
                disabled={i === rows.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t("moveDownNamed", { name: r.label || i + 1 })}
              >
                ↓
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => setRows((rs) => rs.filter((x) => x.uid !== r.uid))}
              >
                {t("removeColumnDraft")}
              </Button>
            </div>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setRows((rs) => [
              ...rs,
              {
                uid: next,
                label: "",
                type: COLUMN_TYPES[0],
                required: false,
                helpText: "",
                options: "",
              },
            ]);
            setNext((n) => n + 1);
          }}
        >
          {t("addColumn")}
        </Button>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={t("createdOk")} />
    </form>
  );
}
