"use client";

import { useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { useErrorText } from "@/components/forms/field";

/** A labelled select with its hint and errors tied to it for screen readers. */
export function SelectField({
  label,
  name,
  errors,
  hint,
  children,
  ...props
}: {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
  children: ReactNode;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = `s-${useId()}`;
  const err = useErrorText();
  const has = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={has || undefined}
        aria-describedby={has ? `${id}-err` : hint ? `${id}-hint` : undefined}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 aria-[invalid]:border-red-600"
        {...props}
      >
        {children}
      </select>
      {hint && !has ? (
        <div id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </div>
      ) : null}
      {has ? (
        <p id={`${id}-err`} className="text-sm text-red-700">
          {errors!.map(err).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
