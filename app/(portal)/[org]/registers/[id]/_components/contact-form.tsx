"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { createContactAction, updateContactAction } from "@/lib/contacts/actions";
import type { ColumnType } from "@/lib/registers/values";
import { Field, FormStatus, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export type FormColumn = {
  key: string;
  label: string;
  type: ColumnType;
  required: boolean;
  helpText: string;
  options: string[];
};

/** Current values as form text: built-ins by name, custom columns as `c_<key>`. */
export type FormValues = Record<string, string | string[]>;

const INPUT: Partial<Record<ColumnType, string>> = {
  email: "email",
  phone: "tel",
  number: "text",
  date: "text",
};

/** The contact form generated from the register's columns; input is kept on errors. */
export function ContactForm({
  org,
  registerId,
  contactId,
  columns,
  initial = {},
}: {
  org: string;
  registerId: string;
  contactId?: string;
  columns: FormColumn[];
  initial?: FormValues;
}) {
  const t = useTranslations("contacts");
  const tr = useTranslations("registers");
  const err = useErrorText();
  const [state, action, pending] = useActionState(
    (contactId ? updateContactAction : createContactAction) as (
      p: ActionResult<unknown> | null,
      f: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );
  const v = state?.values;
  const val = (name: string) => (v ? (v[name] ?? "") : ((initial[name] as string) ?? ""));
  const checked = (key: string, option: string) =>
    v
      ? Object.entries(v).some(([k, x]) => k.startsWith(`c_${key}.`) && x === option)
      : ((initial[`c_${key}`] as string[] | undefined) ?? []).includes(option);
  const fe = state?.fieldErrors;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="registerId" value={registerId} />
      {contactId ? <input type="hidden" name="contactId" value={contactId} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label={t("email")}
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={val("email")}
          errors={fe?.email}
        />
        <Field
          label={t("phone")}
          name="phone"
          type="tel"
          defaultValue={val("phone")}
          errors={fe?.phone}
          hint={t("phoneHint")}
        />
        <Field
          label={t("firstName")}
          name="firstName"
          defaultValue={val("firstName")}
          errors={fe?.firstName}
        />
        <Field
          label={t("lastName")}
          name="lastName"
          defaultValue={val("lastName")}
          errors={fe?.lastName}
        />
        {columns.map((c) => {
          const name = `c_${c.key}`;
          const label = c.required ? `${c.label} *` : c.label;
          const hint = c.helpText || (c.type === "date" ? tr("dateHint") : undefined);
          if (c.type === "multi_choice" || c.type === "boolean" || c.type === "single_choice") {
            const errs = fe?.[name];
            const opts = c.type === "boolean" ? ["true", "false"] : c.options;
            return (
              <fieldset
                key={c.key}
                className="space-y-1"
                aria-describedby={errs ? `${name}-err` : undefined}
              >
                <legend className="text-sm font-medium text-slate-800">{label}</legend>
                {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
                <div className="flex flex-wrap gap-3">
                  {c.type !== "multi_choice" && !c.required ? (
                    <label className="flex items-center gap-1 text-sm">
                      <input type="radio" name={name} value="" defaultChecked={val(name) === ""} />
                      {tr("noValue")}
                    </label>
                  ) : null}
                  {opts.map((o, i) => (
                    <label key={o} className="flex items-center gap-1 text-sm">
                      {c.type === "multi_choice" ? (
                        <input
                          type="checkbox"
                          name={`${name}.${i}`}
                          value={o}
                          defaultChecked={checked(c.key, o)}
                        />
                      ) : (
                        <input
                          type="radio"
                          name={name}
                          value={o}
                          defaultChecked={val(name) === o}
                        />
                      )}
                      {c.type === "boolean" ? tr(o === "true" ? "yes" : "no") : o}
                    </label>
                  ))}
                </div>
                {errs ? (
                  <p id={`${name}-err`} className="text-sm text-red-700">
                    {errs.map(err).join(" ")}
                  </p>
                ) : null}
              </fieldset>
            );
          }
          return (
            <Field
              key={c.key}
              label={label}
              name={name}
              type={INPUT[c.type] ?? "text"}
              inputMode={c.type === "number" || c.type === "postal_code" ? "decimal" : undefined}
              defaultValue={val(name)}
              errors={fe?.[name]}
              hint={hint}
            />
          );
        })}
      </div>
      <Button type="submit" disabled={pending}>
        {contactId ? t("save") : t("create")}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={t("saved")} />
    </form>
  );
}
