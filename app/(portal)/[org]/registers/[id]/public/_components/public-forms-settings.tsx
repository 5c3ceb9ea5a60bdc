"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { updatePublicFormsAction } from "@/lib/public-forms/actions";
import { FormStatus, TextArea } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

type Column = { key: string; label: string };

/** Editors' settings of a register's public forms: joining, double opt-in, fields, wording. */
export function PublicFormsSettings({
  org,
  registerId,
  columns,
  initial,
}: {
  org: string;
  registerId: string;
  columns: Column[];
  initial: { publicJoin: boolean; doubleOptIn: boolean; joinColumns: string[]; wording: string };
}) {
  const t = useTranslations("publicForms.settings");
  const [state, action, pending] = useActionState(
    updatePublicFormsAction as (
      p: ActionResult<unknown> | null,
      f: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );
  // Chosen columns first in their order, then the rest; e-mail is always asked and first.
  const [order, setOrder] = useState<string[]>(() => {
    const chosen = initial.joinColumns.filter((k) => columns.some((c) => c.key === k));
    return [...chosen, ...columns.map((c) => c.key).filter((k) => !chosen.includes(k))].filter(
      (k) => k !== "email",
    );
  });
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initial.joinColumns));
  const label = (k: string) => columns.find((c) => c.key === k)?.label ?? k;
  const move = (i: number, d: -1 | 1) =>
    setOrder((o) => {
      const n = [...o];
      [n[i], n[i + d]] = [n[i + d]!, n[i]!];
      return n;
    });
  const joinColumns = order.filter((k) => chosen.has(k));
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="registerId" value={registerId} />
      <input type="hidden" name="joinColumns" value={JSON.stringify(joinColumns)} />
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="publicJoin" defaultChecked={initial.publicJoin} />
        {t("publicJoin")}
      </label>
      <div>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="doubleOptIn" defaultChecked={initial.doubleOptIn} />
          {t("doubleOptIn")}
        </label>
        <p className="ml-6 text-xs text-slate-600">{t("doubleOptInHint")}</p>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("columns")}</legend>
        <p className="text-xs text-slate-600">{t("columnsHint")}</p>
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          <li className="flex items-center gap-2 px-3 py-2 text-sm">
            <input type="checkbox" checked disabled aria-label={label("email")} />
            {label("email")}
          </li>
          {order.map((k, i) => (
            <li key={k} className="flex items-center gap-2 px-3 py-2 text-sm">
              <label className="flex flex-1 items-center gap-2">
                <input
                  type="checkbox"
                  checked={chosen.has(k)}
                  onChange={(e) =>
                    setChosen((s) => {
                      const n = new Set(s);
                      if (e.target.checked) n.add(k);
                      else n.delete(k);
                      return n;
                    })
                  }
                />
                {label(k)}
              </label>
              <button
                type="button"
                className="rounded px-2 text-slate-600 hover:bg-slate-100 disabled:opacity-30"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t("moveUp", { label: label(k) })}
              >
                ↑
              </button>
              <button
                type="button"
                className="rounded px-2 text-slate-600 hover:bg-slate-100 disabled:opacity-30"
                disabled={i === order.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t("moveDown", { label: label(k) })}
              >
                ↓
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextArea
        label={t("wording")}
        name="consentWording"
        rows={3}
        defaultValue={state?.values?.consentWording ?? initial.wording}
        hint={t("wordingHint")}
        errors={state?.fieldErrors?.consentWording}
      />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={t("saved")} />
    </form>
  );
}
