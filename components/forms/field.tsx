"use client";

import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from "react";
import { useTranslations } from "next-intl";

/** Translates an error of the form "errors.KEY" or "errors.KEY|param=value"; other text as is. */
export function useErrorText() {
  const t = useTranslations();
  return (msg: string) => {
    const [key, ...params] = msg.split("|");
    if (!key || !t.has(key)) return msg;
    const values = Object.fromEntries(params.map((p) => p.split("=", 2) as [string, string]));
    return t(key, values);
  };
}

type Common = { label: string; name: string; errors?: string[]; hint?: ReactNode };

/** Label, hint and errors around one control; errors are tied to it for screen readers. */
function FieldShell({
  label,
  errors,
  hint,
  children,
}: Omit<Common, "name"> & {
  children: (a11y: { id: string; describedBy?: string; invalid?: true }) => ReactNode;
}) {
  const err = useErrorText();
  const id = `f-${useId()}`;
  const hasErrors = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({
        id,
        invalid: hasErrors ? true : undefined,
        describedBy: hasErrors ? `${id}-err` : hint ? `${id}-hint` : undefined,
      })}
      {hint && !hasErrors ? (
        <div id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </div>
      ) : null}
      {hasErrors ? (
        <p id={`${id}-err`} className="text-sm text-red-700">
          {errors!.map(err).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const control =
  "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 aria-[invalid]:border-red-600";

/** A labelled input with its errors announced to screen readers. */
export function Field({
  label,
  name,
  errors,
  hint,
  ...props
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} errors={errors} hint={hint}>
      {(a) => (
        <input
          id={a.id}
          name={name}
          aria-invalid={a.invalid}
          aria-describedby={a.describedBy}
          className={control}
          {...props}
        />
      )}
    </FieldShell>
  );
}

/** A labelled textarea with its errors. */
export function TextArea({
  label,
  name,
  errors,
  hint,
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} errors={errors} hint={hint}>
      {(a) => (
        <textarea
          id={a.id}
          name={name}
          aria-invalid={a.invalid}
          aria-describedby={a.describedBy}
          className={control}
          {...props}
        />
      )}
    </FieldShell>
  );
}

/** The form-level result line of an action (success or error). */
export function FormStatus({
  ok,
  error,
  success,
}: {
  ok?: boolean;
  error?: string;
  success: string;
}) {
  const err = useErrorText();
  if (ok)
    return (
      <p role="status" className="text-sm text-green-700">
        {success}
      </p>
    );
  if (error)
    return (
      <p role="status" className="text-sm text-red-700">
        {err(error)}
      </p>
    );
  return null;
}
