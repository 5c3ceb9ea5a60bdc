"use client";

import { useTranslations } from "next-intl";
import type { FieldDescription, ValueKind } from "@/lib/segments/fields";

const control = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** The value input of a condition, chosen by what its operator takes. */
export function ValueInput({
  kind,
  field,
  value,
  onChange,
}: {
  kind: ValueKind;
  field: FieldDescription;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const t = useTranslations("segments");
  const str = typeof value === "string" || typeof value === "number" ? String(value) : "";
  const list = Array.isArray(value) ? (value as string[]) : [];
  const optionLabel = (o: string) =>
    kind.startsWith("status") ? t(`statuses.${o}`) : (field.optionLabels?.[o] ?? o);
  switch (kind) {
    case "none":
      return null;
    case "text":
      return (
        <input
          className={control}
          aria-label={t("value")}
          value={str}
          maxLength={500}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "textList":
      return (
        <input
          className={control}
          aria-label={t("valueList")}
          placeholder={t("valueListHint")}
          value={Array.isArray(value) ? list.join(", ") : str}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "number":
      return (
        <input
          className={`${control} w-28`}
          inputMode="decimal"
          aria-label={t("value")}
          value={str}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "numberRange": {
      const [a, b] = Array.isArray(value) ? (value as string[]) : ["", ""];
      return (
        <span className="flex items-center gap-1 text-sm">
          <input
            className={`${control} w-24`}
            inputMode="decimal"
            aria-label={t("from")}
            value={a ?? ""}
            onChange={(e) => onChange([e.target.value, b])}
          />
          –
          <input
            className={`${control} w-24`}
            inputMode="decimal"
            aria-label={t("to")}
            value={b ?? ""}
            onChange={(e) => onChange([a, e.target.value])}
          />
        </span>
      );
    }
    case "date":
      return (
        <input
          type="date"
          className={control}
          aria-label={t("date")}
          value={str}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case "days":
      return (
        <span className="flex items-center gap-1 text-sm">
          <input
            type="number"
            min={0}
            max={36500}
            className={`${control} w-24`}
            aria-label={t("days")}
            value={str}
            onChange={(e) => onChange(e.target.value === "" ? "" : Number(e.target.value))}
          />
          {t("daysUnit")}
        </span>
      );
    case "option":
    case "status":
      return (
        <select
          className={control}
          aria-label={t("value")}
          value={str}
          onChange={(e) => onChange(e.target.value)}
        >
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {optionLabel(o)}
            </option>
          ))}
        </select>
      );
    case "optionList":
    case "statusList":
      return (
        <span className="flex flex-wrap gap-3 text-sm" role="group" aria-label={t("value")}>
          {(field.options ?? []).map((o) => (
            <label key={o} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={list.includes(o)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...list, o] : list.filter((x) => x !== o))
                }
              />
              {optionLabel(o)}
            </label>
          ))}
        </span>
      );
  }
}
