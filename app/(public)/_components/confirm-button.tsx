"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { confirmAction } from "@/lib/public-forms/actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

type Names = { orgName: string; registerName: string } | null;

/** The confirm button of a double opt-in link (a GET never confirms: link scanners open links). */
export function ConfirmButton({ token }: { token: string }) {
  const t = useTranslations("publicForms");
  const [state, action, pending] = useActionState(
    confirmAction as (p: ActionResult<Names> | null, f: FormData) => Promise<ActionResult<Names>>,
    null,
  );
  if (state?.ok && state.data)
    return (
      <p role="status" className="text-green-700">
        {t("confirm.done", { org: state.data.orgName, register: state.data.registerName })}
      </p>
    );
  if (state?.ok && !state.data)
    return (
      <p role="status" className="text-red-700">
        {t("confirm.invalid")}
      </p>
    );
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {t("confirm.submit")}
      </Button>
      <FormStatus error={state?.error} success="" />
    </form>
  );
}
