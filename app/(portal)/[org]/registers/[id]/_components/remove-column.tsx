"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { countColumnValuesAction, removeColumnAction } from "@/lib/registers/actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** Removing a column asks first, saying how many contacts' values go with it. */
export function RemoveColumn(props: {
  org: string;
  registerId: string;
  columnId: string;
  label: string;
}) {
  const t = useTranslations("registers");
  const [count, ask, counting] = useActionState(countColumnValuesAction, null);
  const [removed, remove, removing] = useActionState(removeColumnAction, null);
  // Cancelling remembers which count answer was dismissed; asking again shows a fresh one.
  const [dismissed, setDismissed] = useState<typeof count>(null);
  const hidden = (
    <>
      <input type="hidden" name="org" value={props.org} />
      <input type="hidden" name="registerId" value={props.registerId} />
      <input type="hidden" name="columnId" value={props.columnId} />
    </>
  );
  if (count?.ok && count !== dismissed && !removed?.ok)
    return (
      <form
        action={remove}
        className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3"
      >
        {hidden}
        <p className="text-sm text-amber-950">
          {t("removeQuestion", { name: props.label, count: count.data ?? 0 })}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={removing} autoFocus>
            {t("removeConfirm")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setDismissed(count)}>
            {t("cancel")}
          </Button>
        </div>
        <FormStatus ok={removed?.ok} error={removed?.error} success="" />
      </form>
    );
  return (
    <form action={ask}>
      {hidden}
      <Button type="submit" variant="secondary" disabled={counting}>
        {t("removeColumnNamed", { name: props.label })}
      </Button>
      <FormStatus ok={false} error={count?.error} success="" />
    </form>
  );
}
