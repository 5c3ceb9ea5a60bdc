"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** Any campaign action: only `ok` and `error` of its result are read here. */
type Action = (
  prev: ActionResult<never> | null,
  formData: FormData,
) => Promise<Pick<ActionResult, "ok" | "error">>;

/** One button posting a campaign action, with an optional confirmation and its error shown. */
export function ActionButton({
  action,
  org,
  campaignId,
  label,
  confirm,
  variant = "secondary",
}: {
  action: Action;
  org: string;
  campaignId: string;
  label: string;
  confirm?: string;
  variant?: "primary" | "secondary" | "ghost";
}) {
  const [state, run, pending] = useActionState(action, null);
  const err = useErrorText();
  return (
    <form
      action={run}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="inline-flex flex-col gap-1"
    >
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <Button type="submit" variant={variant} disabled={pending}>
        {label}
      </Button>
      {state && !state.ok && state.error ? (
        <p role="status" className="text-sm text-red-700">
          {err(state.error)}
        </p>
      ) : null}
    </form>
  );
}
