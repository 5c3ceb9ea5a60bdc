"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { setPartnerAction, setSuspendedAction } from "@/lib/operator/actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

type Act = (
  prev: ActionResult<{ changed: boolean }> | null,
  fd: FormData,
) => Promise<ActionResult<{ changed: boolean }>>;
type Copy = { label: string; help: string; done: string };

/**
 * One switch (suspension or partner role). The form stays mounted when the page re-renders with
 * the new state, so its result line stays visible; the texts follow the current state.
 */
function FlagForm({
  orgId,
  on,
  action,
  whenOn,
  whenOff,
  danger,
}: {
  orgId: string;
  on: boolean;
  action: Act;
  whenOn: Copy;
  whenOff: Copy;
  danger?: boolean;
}) {
  const [state, run, pending] = useActionState(action, null);
  const copy = on ? whenOn : whenOff;
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="value" value={on ? "off" : "on"} />
      <p className="text-sm text-slate-600">{copy.help}</p>
      <Button
        type="submit"
        variant={danger && !on ? "primary" : "secondary"}
        disabled={pending}
        className={danger && !on ? "bg-red-700 hover:bg-red-800" : ""}
      >
        {copy.label}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={copy.done} />
    </form>
  );
}

/** Suspend / reactivate and partner-role controls of one organisation (operator area). */
export function OrgControls({
  orgId,
  suspended,
  isPartner,
}: {
  orgId: string;
  suspended: boolean;
  isPartner: boolean;
}) {
  const t = useTranslations("operator");
  return (
    <div className="space-y-6">
      <FlagForm
        orgId={orgId}
        on={suspended}
        action={setSuspendedAction}
        danger
        whenOff={{ label: t("suspend"), help: t("suspendHelp"), done: t("unsuspended") }}
        whenOn={{ label: t("unsuspend"), help: t("unsuspendHelp"), done: t("suspendedDone") }}
      />
      <FlagForm
        orgId={orgId}
        on={isPartner}
        action={setPartnerAction}
        whenOff={{
          label: t("grantPartner"),
          help: t("grantPartnerHelp"),
          done: t("partnerRevoked"),
        }}
        whenOn={{
          label: t("revokePartner"),
          help: t("revokePartnerHelp"),
          done: t("partnerGranted"),
        }}
      />
    </div>
  );
}
