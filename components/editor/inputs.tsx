"use client";

import { useId, useRef } from "react";
import { useTranslations } from "next-intl";
import type { MergeField } from "@/lib/personalize/fields";
import { insertAtCaret, MergeFieldMenu } from "./merge-field-menu";

export const inputCls = "w-full rounded border border-slate-300 px-2 py-1 text-sm";

/** A labelled row. */
export function Row({
  label,
  id,
  children,
}: {
  label: string;
  id: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A text input; with `fields` it gets a merge-field menu that inserts at the caret. */
export function TextInput({
  label,
  value,
  onChange,
  fields,
  type = "text",
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  fields?: MergeField[];
  type?: "text" | "url";
}) {
  const id = useId();
  const t = useTranslations("editor");
  const ref = useRef<HTMLInputElement>(null);
  return (
    <Row label={label} id={id}>
      <input
        id={id}
        ref={ref}
        type={type === "url" ? "text" : type}
        inputMode={type === "url" ? "url" : undefined}
        className={inputCls}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {fields ? (
        <MergeFieldMenu
          fields={fields}
          label={`${label}: ${t("mergeField")}`}
          onInsert={(tag) => onChange(insertAtCaret(ref.current, value, tag))}
        />
      ) : null}
    </Row>
  );
}

/** A whole number within [min, max]. */
export function NumberInput({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
}) {
  const id = useId();
  return (
    <Row label={label} id={id}>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        className={inputCls}
        value={value}
        onChange={(e) => {
          const n = Math.round(Number(e.target.value));
          if (Number.isFinite(n)) onChange(Math.min(max, Math.max(min, n)));
        }}
      />
    </Row>
  );
}

/** A colour (#rrggbb) or unset, which means the brand's colour. */
export function ColorInput({
  label,
  value,
  fallback,
  onChange,
}: {
  label: string;
  value: string | undefined;
  fallback: string;
  onChange: (v: string | undefined) => void;
}) {
  const id = useId();
  const t = useTranslations("editor");
  return (
    <Row label={label} id={id}>
      <span className="flex items-center gap-2">
        <input
          id={id}
          type="color"
          value={value ?? fallback}
          onChange={(e) => onChange(e.target.value)}
          className="h-8 w-12"
        />
        {value ? (
          <button
            type="button"
            className="text-xs text-brand-700 hover:underline"
            onClick={() => onChange(undefined)}
          >
            {t("useBrandColor")}
          </button>
        ) : (
          <span className="text-xs text-slate-500">{t("brandColor")}</span>
        )}
      </span>
    </Row>
  );
}

/** A choice from a fixed list. */
export function Select<V extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (v: V) => void;
}) {
  const id = useId();
  return (
    <Row label={label} id={id}>
      <select
        id={id}
        className={inputCls}
        value={String(value)}
        onChange={(e) => onChange(options.find((o) => String(o.value) === e.target.value)!.value)}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </Row>
  );
}

/** Left / center / right. */
export function AlignSelect({
  value,
  onChange,
}: {
  value: "left" | "center" | "right";
  onChange: (v: "left" | "center" | "right") => void;
}) {
  const t = useTranslations("editor.props");
  const options = (["left", "center", "right"] as const).map((v) => ({
    value: v,
    label: t(`align_${v}`),
  }));
  return <Select label={t("align")} value={value} options={options} onChange={onChange} />;
}
