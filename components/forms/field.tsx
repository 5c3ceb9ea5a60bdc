"use client";

import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";

/** Translates an error of the form "errors.KEY" or "errors.KEY|param=value"; other text as is. */
export function useErrorText() {
  const t = useTranslations();
  return (msg: string) => {
    const [key, ...params] = msg.split("|");
    if (!key || !key.startsWith("errors.") || !t.has(key)) return msg;
    const values = Object.fromEntries(params.map((p) => p.split("=", 2) as [string, string]));
    return t(key, values);
  };
}

type Common = { label: string; name: string; errors?: string[]; hint?: React.ReactNode };

/** A labelled input with its errors announced to screen readers. */
export function Field({ label, name, errors, hint, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const err = useErrorText();
  const id = `f-${name}-${useId()}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-err` : hint ? `${id}-hint` : undefined}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 aria-[invalid]:border-red-600"
        {...props}
      />
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-err`} className="text-sm text-red-700">
          {errors.map(err).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled textarea with its errors. */
export function TextArea({ label, name, errors, hint, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const err = useErrorText();
  const id = `f-${name}-${useId()}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600"
        {...props}
      />
      {hint ? <div className="text-xs text-slate-600">{hint}</div> : null}
      {errors?.length ? <p className="text-sm text-red-700">{errors.map(err).join(" ")}</p> : null}
    </div>
  );
}

/** The form-level result line of an action (success or error). */
export function FormStatus({ ok, error, success }: { ok?: boolean; error?: string; success: string }) {
  const err = useErrorText();
  if (ok) return <p role="status" className="text-sm text-green-700">{success}</p>;
  if (error) return <p role="status" className="text-sm text-red-700">{err(error)}</p>;
  return null;
}
