"use client";

import { useId, useState, type InputHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "./field";
import { PasswordChecklist } from "./password-checklist";

type Props = {
  name: string;
  label: string;
  /** Server errors: "password.rules.<rule>" keys from `passwordErrors`, or "errors.KEY" texts. */
  errors?: string[];
  /** Current values of the form's name fields, for the name rule of the checklist. */
  firstName?: string;
  lastName?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "value" | "defaultValue">;

/** A labelled new-password input with a show/hide toggle and the live policy checklist beneath. */
export function PasswordField({
  name,
  label,
  errors,
  firstName,
  lastName,
  onChange,
  autoComplete = "new-password",
  className = "",
  ...props
}: Props) {
  const t = useTranslations("password");
  const tAll = useTranslations();
  const errorText = useErrorText();
  const id = `f-${name}-${useId()}`;
  const [value, setValue] = useState("");
  const [visible, setVisible] = useState(false);
  const text = (msg: string) =>
    msg.startsWith("password.") && tAll.has(msg) ? tAll(msg) : errorText(msg);
  const ruleErrors = errors?.some((e) => e.startsWith("password.rules."));
  const describedBy = [errors?.length ? `${id}-err` : null, `${id}-rules`]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="relative">
        <input
          {...props}
          id={id}
          name={name}
          type={visible ? "text" : "password"}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            onChange?.(e);
          }}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          className={`block w-full rounded-md border border-slate-300 py-2 pl-3 pr-24 text-sm shadow-sm focus:border-brand-600 aria-[invalid]:border-red-600 ${className}`.trim()}
        />
        <button
          type="button"
          onClick={() => setVisible((v) => !v)}
          aria-controls={id}
          aria-label={visible ? t("hidePassword") : t("showPassword")}
          className="absolute inset-y-0 right-0 rounded-r-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
        >
          {visible ? t("hide") : t("show")}
        </button>
      </div>
      {errors?.length ? (
        <div id={`${id}-err`} className="text-sm text-red-700">
          {ruleErrors ? <p>{t("invalid")}</p> : null}
          <ul className={ruleErrors ? "list-disc pl-5" : undefined}>
            {errors.map((e) => (
              <li key={e}>{text(e)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <PasswordChecklist
        id={`${id}-rules`}
        password={value}
        firstName={firstName}
        lastName={lastName}
      />
    </div>
  );
}
