"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { countFilterAction } from "@/lib/segments/actions";
import type { FieldDescription } from "@/lib/segments/fields";
import type { FilterGroup, FilterNode } from "@/lib/segments/schemas";
import { ConditionEditor } from "./condition-editor";
import { newCondition } from "./default-value";
import { MAX_CONDITIONS, MAX_DEPTH } from "@/lib/segments/schemas";

type Fields = FieldDescription[];

const control = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

function countConds(n: FilterNode): number {
  return n.type === "cond" ? 1 : n.children.reduce((a, c) => a + countConds(c), 0);
}

/**
 * Edits a filter tree: nested AND/OR groups of conditions, each with a field, an operator valid
 * for the field's type and a value input matching the operator. Shows a live count (debounced
 * ~300 ms, computed on the server by the same compiler the saved segment uses).
 */
export function FilterBuilder({
  org,
  registerId,
  fields,
  value,
  onChange,
}: {
  org: string;
  registerId: string;
  fields: Fields;
  value: FilterGroup;
  onChange: (f: FilterGroup) => void;
}) {
  const t = useTranslations("segments");
  const tAll = useTranslations();
  const errText = useErrorText();
  // Errors name built-in fields by key ("email"); show their label instead.
  const showError = (msg: string) => {
    const m = /\|field=(\w+)$/.exec(msg);
    const f = m ? fields.find((x) => x.builtIn && x.field === m[1]) : undefined;
    return errText(f ? msg.replace(/\|field=\w+$/, `|field=${tAll(f.label)}`) : msg);
  };
  // The count of the filter text `json` it was computed for: stale while the user edits.
  const [count, setCount] = useState<{ json: string; n?: number; error?: string } | null>(null);
  const seq = useRef(0);
  const json = JSON.stringify(value);
  const pending = count?.json !== json;

  useEffect(() => {
    const my = ++seq.current;
    const timer = setTimeout(async () => {
      const fd = new FormData();
      fd.set("org", org);
      fd.set("registerId", registerId);
      fd.set("filter", json);
      const r = await countFilterAction(null, fd);
      if (my !== seq.current) return;
      setCount(
        r.ok ? { json, n: r.data as number } : { json, error: r.error ?? "errors.INTERNAL" },
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [org, registerId, json]);

  const total = countConds(value);
  return (
    <div className="space-y-3">
      <GroupEditor
        group={value}
        depth={1}
        fields={fields}
        canAdd={total < MAX_CONDITIONS}
        onChange={(g) => onChange(g)}
      />
      <p className="text-sm" role="status" aria-live="polite" data-testid="segment-count">
        {count?.error && !pending ? (
          <span className="text-amber-800">{showError(count.error)}</span>
        ) : count?.n === undefined ? (
          t("counting")
        ) : (
          <span
            className={pending ? "text-slate-500" : "font-semibold"}
            data-pending={pending ? "true" : undefined}
          >
            {t("matches", { count: count.n })}
          </span>
        )}
      </p>
    </div>
  );
}

function GroupEditor({
  group,
  depth,
  fields,
  canAdd,
  onChange,
  onRemove,
}: {
  group: FilterGroup;
  depth: number;
  fields: Fields;
  canAdd: boolean;
  onChange: (g: FilterGroup) => void;
  onRemove?: () => void;
}) {
  const t = useTranslations("segments");
  const setChild = (i: number, n: FilterNode | null) => {
    const children = [...group.children];
    if (n === null) children.splice(i, 1);
    else children[i] = n;
    onChange({ ...group, children });
  };
  return (
    <fieldset
      className={`space-y-2 rounded-md border p-3 ${depth > 1 ? "border-slate-300 bg-slate-50" : "border-slate-200"}`}
    >
      <legend className="sr-only">{t("group")}</legend>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label className="flex items-center gap-2">
          <span>{t("match")}</span>
          <select
            className={control}
            value={group.op}
            aria-label={t("groupOp")}
            onChange={(e) => onChange({ ...group, op: e.target.value as "and" | "or" })}
          >
            <option value="and">{t("opAnd")}</option>
            <option value="or">{t("opOr")}</option>
          </select>
        </label>
        {onRemove ? (
          <Button type="button" variant="ghost" onClick={onRemove}>
            {t("removeGroup")}
          </Button>
        ) : null}
      </div>
      {group.children.length === 0 ? (
        <p className="text-sm text-slate-600">
          {depth === 1 ? t("noConditions") : t("emptyGroup")}
        </p>
      ) : null}
      <ul className="space-y-2">
        {group.children.map((c, i) => (
          <li key={i}>
            {c.type === "group" ? (
              <GroupEditor
                group={c}
                depth={depth + 1}
                fields={fields}
                canAdd={canAdd}
                onChange={(g) => setChild(i, g)}
                onRemove={() => setChild(i, null)}
              />
            ) : (
              <ConditionEditor
                cond={c}
                fields={fields}
                onChange={(n) => setChild(i, n)}
                onRemove={() => setChild(i, null)}
              />
            )}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={!canAdd}
          onClick={() =>
            onChange({ ...group, children: [...group.children, newCondition(fields)] })
          }
        >
          {t("addCondition")}
        </Button>
        {depth < MAX_DEPTH ? (
          <Button
            type="button"
            variant="secondary"
            disabled={!canAdd}
            onClick={() =>
              onChange({
                ...group,
                children: [
                  ...group.children,
                  {
                    type: "group",
                    op: group.op === "and" ? "or" : "and",
                    children: [newCondition(fields)],
                  },
                ],
              })
            }
          >
            {t("addGroup")}
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
