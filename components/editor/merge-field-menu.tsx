"use client";

import { useTranslations } from "next-intl";
import type { MergeField } from "@/lib/personalize/fields";

/** The Liquid merge tag for a field, with an empty default the user can fill in. */
export const mergeTag = (name: string) => `{{ ${name} | default: "" }}`;

/** A menu of the register's merge fields; choosing one calls `onInsert` with its tag. */
export function MergeFieldMenu({
  fields,
  onInsert,
  label,
}: {
  fields: MergeField[];
  onInsert: (tag: string) => void;
  label?: string;
}) {
  const t = useTranslations("editor");
  return (
    <select
      aria-label={label ?? t("mergeField")}
      value=""
      onChange={(e) => {
        if (e.target.value) onInsert(mergeTag(e.target.value));
      }}
      className="rounded border border-slate-300 bg-white px-1 py-1 text-xs"
    >
      <option value="">{t("mergeFieldPlaceholder")}</option>
      {fields.map((f) => (
        <option key={f.name} value={f.name}>
          {f.label
            ? `${f.label} (${f.name})`
            : t.has(`fields.${f.name}`)
              ? t(`fields.${f.name}`)
              : f.name}
        </option>
      ))}
    </select>
  );
}

/** Inserts `text` at the caret of an input or textarea and returns the new value. */
export function insertAtCaret(
  el: HTMLInputElement | HTMLTextAreaElement | null,
  current: string,
  text: string,
) {
  if (!el || el.selectionStart === null) return current + text;
  const start = el.selectionStart;
  const end = el.selectionEnd ?? start;
  return current.slice(0, start) + text + current.slice(end);
}
