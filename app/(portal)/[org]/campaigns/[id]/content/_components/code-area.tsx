"use client";

import { useId, useRef } from "react";
import { useErrorText } from "@/components/forms/field";
import { insertAtCaret, MergeFieldMenu } from "@/components/editor/merge-field-menu";
import type { MergeField } from "@/lib/personalize/fields";

/** A large textarea (monospace for HTML) with a merge-field menu and its save errors. */
export function CodeArea(props: {
  label: string;
  help: string;
  value: string;
  onChange: (v: string) => void;
  fields: MergeField[];
  readOnly: boolean;
  errors?: string[];
  mono?: boolean;
  rows?: number;
}) {
  const id = useId();
  const err = useErrorText();
  const ref = useRef<HTMLTextAreaElement>(null);
  return (
    <div className="space-y-1">
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium">
          {props.label}
        </label>
        {!props.readOnly ? (
          <MergeFieldMenu
            fields={props.fields}
            onInsert={(tag) => props.onChange(insertAtCaret(ref.current, props.value, tag))}
          />
        ) : null}
      </div>
      <p id={`${id}-help`} className="text-xs text-slate-600">
        {props.help}
      </p>
      <textarea
        id={id}
        ref={ref}
        rows={props.rows ?? 24}
        spellCheck={!props.mono}
        readOnly={props.readOnly}
        aria-describedby={`${id}-help${props.errors?.length ? ` ${id}-err` : ""}`}
        aria-invalid={props.errors?.length ? true : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className={`w-full rounded border border-slate-300 p-2 text-sm ${props.mono ? "font-mono" : ""}`}
      />
      {props.errors?.length ? (
        <p id={`${id}-err`} className="text-sm text-red-700">
          {props.errors.map(err).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
