"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { COLUMN_TYPES, type ColumnType } from "@/lib/registers/values";

/** A labelled select of the column types. Controlled when `onChange` is given. */
export function ColumnTypeSelect({
  value,
  onChange,
  name,
}: {
  value?: ColumnType;
  onChange?: (t: ColumnType) => void;
  name?: string;
}) {
  const t = useTranslations("registers");
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t("columnType")}
      </label>
      <select
        id={id}
        name={name}
        {...(onChange
          ? { value, onChange: (e) => onChange(e.target.value as ColumnType) }
          : { defaultValue: value })}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      >
        {COLUMN_TYPES.map((ty) => (
          <option key={ty} value={ty}>
            {t(`types.${ty}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
