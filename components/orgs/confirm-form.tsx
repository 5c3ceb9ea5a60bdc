"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/action";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

type Props = {
  action: (prev: ActionResult<never> | null, formData: FormData) => Promise<ActionResult<unknown>>;
  /** Hidden fields posted with the confirmation (always includes the organisation's slug). */
  fields: Record<string, string>;
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  pendingLabel?: string;
  success?: string;
};

/**
 * A destructive action in two steps: the button asks the question, and only the confirmation
 * posts the form. Errors (e.g. "the last main user cannot leave") are announced beside it.
 */
export function ConfirmForm({
  action,
  fields,
  label,
  question,
  confirmLabel,
  cancelLabel,
  pendingLabel,
  success = "",
}: Props) {
  const [state, formAction, pending] = useActionState(
    action as (p: ActionResult<unknown> | null, f: FormData) => Promise<ActionResult<unknown>>,
    null,
  );
  const [asking, setAsking] = useState(false);
  return (
    <div className="space-y-2">
      {asking ? (
        <form
          action={formAction}
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3"
        >
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <p className="text-sm text-amber-950">{question}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending} autoFocus>
              {pending && pendingLabel ? pendingLabel : confirmLabel}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
              {cancelLabel}
            </Button>
          </div>
        </form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
          {label}
        </Button>
      )}
      <FormStatus ok={state?.ok} error={state?.error} success={success} />
    </div>
  );
}
