"use client";

import { useTranslations } from "next-intl";
import { Field, useErrorText } from "@/components/forms/field";
import type { FormField } from "@/lib/public-forms/register";

/** The fields of a public form, by column type, refilled with `values` (typed input or current data). */
export function PublicFields({
  fields,
  values,
  fieldErrors,
}: {
  fields: FormField[];
  values: Record<string, string | string[]>;
  fieldErrors?: Record<string, string[]>;
}) {
  const t = useTranslations("publicForms");
  const err = useErrorText();
  const str = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  };
  const list = (name: string): string[] => {
    const many = values[`${name}[]`];
    if (typeof many === "string") {
      try {
        return JSON.parse(many) as string[];
      } catch {
        return [];
      }
    }
    const v = values[name];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  return (
    <>
      {fields.map((f) => {
        const label = f.required ? `${f.label} ${t("required")}` : f.label;
        const errs = fieldErrors?.[f.name];
        if (f.type === "multi_choice" || f.type === "single_choice" || f.type === "boolean") {
          const opts = f.type === "boolean" ? ["true"] : f.options;
          const multi = f.type !== "single_choice";
          return (
            <fieldset
              key={f.name}
              className="space-y-1"
              aria-describedby={errs ? `${f.name}-err` : undefined}
            >
              <legend className="text-sm font-medium text-slate-800">{label}</legend>
              {f.helpText ? <p className="text-xs text-slate-600">{f.helpText}</p> : null}
              <div className="flex flex-wrap gap-3">
                {opts.map((o) => (
                  <label key={o} className="flex items-center gap-1 text-sm">
                    <input
                      type={multi ? "checkbox" : "radio"}
                      name={f.name}
                      value={o}
                      defaultChecked={list(f.name).includes(o)}
                    />
                    {f.type === "boolean" ? t("yes") : o}
                  </label>
                ))}
              </div>
              {errs ? (
                <p id={`${f.name}-err`} className="text-sm text-red-700">
                  {errs.map(err).join(" ")}
                </p>
              ) : null}
            </fieldset>
          );
        }
        return (
          <Field
            key={f.name}
            label={label}
            name={f.name}
            type={f.type === "email" ? "email" : f.type === "phone" ? "tel" : "text"}
            autoComplete={
              f.key === "email"
                ? "email"
                : f.key === "phone"
                  ? "tel"
                  : f.key === "firstName"
                    ? "given-name"
                    : f.key === "lastName"
                      ? "family-name"
                      : undefined
            }
            defaultValue={str(f.name)}
            errors={errs}
            hint={f.helpText || undefined}
          />
        );
      })}
    </>
  );
}

/** The off-screen honeypot field: people never see or tab into it; naive bots fill it. */
export function Honeypot() {
  const t = useTranslations("publicForms");
  return (
    <div
      aria-hidden="true"
      style={{ position: "absolute", left: "-10000px", width: 1, height: 1, overflow: "hidden" }}
    >
      <label>
        {t("honeypot")} <input type="text" name="website" tabIndex={-1} autoComplete="off" />
      </label>
    </div>
  );
}
