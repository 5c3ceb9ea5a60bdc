"use client";

import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { bulkDeleteContactsAction } from "@/lib/contacts/actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

const ROW = "input[data-contact-select]";
const ALL = "input[data-contact-select-all]";

/**
 * Deleting contacts picked on the list: the rows' checkboxes (`data-contact-select`, value = the
 * contact's id) and the header's "this page" box (`data-contact-select-all`) are plain inputs of
 * the server-rendered table; this bar counts them, asks, and posts the ids.
 */
export function SelectionBar({ org, registerId }: { org: string; registerId: string }) {
  const t = useTranslations("contacts.bulkDelete");
  const [ids, setIds] = useState<string[]>([]);
  const [asking, setAsking] = useState(false);
  const [state, formAction, pending] = useActionState(
    bulkDeleteContactsAction as (
      p: ActionResult<unknown> | null,
      f: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );

  useEffect(() => {
    const rows = () => Array.from(document.querySelectorAll<HTMLInputElement>(ROW));
    const sync = () => {
      const all = rows();
      const picked = all.filter((r) => r.checked).map((r) => r.value);
      setIds(picked);
      const head = document.querySelector<HTMLInputElement>(ALL);
      if (head) {
        head.checked = all.length > 0 && picked.length === all.length;
        head.indeterminate = picked.length > 0 && picked.length < all.length;
      }
      if (picked.length === 0) setAsking(false);
    };
    const onChange = (e: Event) => {
      const el = e.target as HTMLElement;
      if (el.matches(ALL)) for (const r of rows()) r.checked = (el as HTMLInputElement).checked;
      if (el.matches(ALL) || el.matches(ROW)) sync();
    };
    document.addEventListener("change", onChange);
    sync();
    return () => document.removeEventListener("change", onChange);
  }, []);

  const clear = () => {
    for (const r of document.querySelectorAll<HTMLInputElement>(ROW)) r.checked = false;
    const head = document.querySelector<HTMLInputElement>(ALL);
    if (head) [head.checked, head.indeterminate] = [false, false];
    setIds([]);
    setAsking(false);
  };

  if (ids.length === 0 && !state?.error) return null;
  return (
    <div
      className="mt-3 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
      data-testid="selection-bar"
    >
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-medium" role="status">
          {t("selected", { count: ids.length })}
        </span>
        {ids.length > 0 && !asking ? (
          <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
            {t("deleteSelected")}
          </Button>
        ) : null}
        <button type="button" onClick={clear} className="text-brand-700 hover:underline">
          {t("clear")}
        </button>
      </div>
      {asking ? (
        <form
          action={formAction}
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3"
        >
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="registerId" value={registerId} />
          <input type="hidden" name="ids" value={ids.join(",")} />
          <p className="text-sm text-amber-950">{t("questionSelected", { count: ids.length })}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending} autoFocus>
              {pending ? t("pending") : t("confirm")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : null}
      <FormStatus ok={state?.ok} error={state?.error} success="" />
    </div>
  );
}
