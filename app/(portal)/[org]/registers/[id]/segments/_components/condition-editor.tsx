"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { FieldDescription } from "@/lib/segments/fields";
import type { FilterCondition } from "@/lib/segments/schemas";
import { defaultValue } from "./default-value";
import { ValueInput } from "./value-input";

const control = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** One condition: field select, operator select for the field's kind, value input. */
export function ConditionEditor({
  cond,
  fields,
  onChange,
  onRemove,
}: {
  cond: FilterCondition;
  fields: FieldDescription[];
  onChange: (c: FilterCondition) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("segments");
  const tAll = useTranslations();
  const field = fields.find((f) => f.field === cond.field);
  const op = field?.operators.find((o) => o.id === cond.operator);
  const label = (f: FieldDescription) => (f.builtIn ? tAll(f.label) : f.label);
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="condition">
      <select
        className={control}
        aria-label={t("field")}
        value={cond.field}
        onChange={(e) => {
          const f = fields.find((x) => x.field === e.target.value)!;
          const o = f.operators[0]!;
          onChange({
            type: "cond",
            field: f.field,
            operator: o.id,
            value: defaultValue(o.value, f),
          });
        }}
      >
        {field ? null : <option value={cond.field}>{cond.field}</option>}
        <optgroup label={t("builtIns")}>
          {fields
            .filter((f) => f.builtIn)
            .map((f) => (
              <option key={f.field} value={f.field}>
                {label(f)}
              </option>
            ))}
        </optgroup>
        {fields.some((f) => !f.builtIn) ? (
          <optgroup label={t("columns")}>
            {fields
              .filter((f) => !f.builtIn)
              .map((f) => (
                <option key={f.field} value={f.field}>
                  {label(f)}
                </option>
              ))}
          </optgroup>
        ) : null}
      </select>
      {field ? (
        <select
          className={control}
          aria-label={t("operator")}
          value={cond.operator}
          onChange={(e) => {
            const o = field.operators.find((x) => x.id === e.target.value)!;
            const keep = op?.value === o.value;
            onChange({
              ...cond,
              operator: o.id,
              value: keep ? cond.value : defaultValue(o.value, field),
            });
          }}
        >
          {field.operators.map((o) => (
            <option key={o.id} value={o.id}>
              {t(`ops.${field.kind === "timestamp" ? "date" : field.kind}.${o.id}`)}
            </option>
          ))}
        </select>
      ) : null}
      {field && op ? (
        <ValueInput
          kind={op.value}
          field={field}
          value={cond.value}
          onChange={(v) => onChange({ ...cond, value: v })}
        />
      ) : null}
      <Button type="button" variant="ghost" onClick={onRemove} aria-label={t("removeCondition")}>
        ✕
      </Button>
    </div>
  );
}
