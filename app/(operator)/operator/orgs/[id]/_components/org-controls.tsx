"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { setPartnerAction, setSuspendedAction } from "@/lib/operator/actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

type Act = (prev: ActionResult<{ changed: boolean }> | null, fd: FormData) => Promise<ActionResult<{ changed: boolean }>>;

function FlagForm({ orgId, value, action, label, help, done, danger }: { orgId: string; value: "on" | "off"; action: Act; label: string; help: string; done: string; danger?: boolean }) {
  const [state, run, pending] = useActionState(action, null);
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="value" value={value} />
      <p className="text-sm text-slate-600">{help}</p>
      <Button type="submit" variant={danger ? "primary" : "secondary"} disabled={pending} className={danger ? "bg-red-700 hover:bg-red-800" : ""}>
        {label}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={done} />
    </form>
  );
}

/** Suspend / reactivate and partner-role controls of one organisation (operator area). */
export function OrgControls({ orgId, suspended, isPartner }: { orgId: string; suspended: boolean; isPartner: boolean }) {
  const t = useTranslations("operator");
  return (
    <div className="space-y-6">
      {suspended ? (
        <FlagForm key="unsuspend" orgId={orgId} value="off" action={setSuspendedAction} label={t("unsuspend")} help={t("unsuspendHelp")} done={t("unsuspended")} />
      ) : (
        <FlagForm key="suspend" orgId={orgId} value="on" action={setSuspendedAction} label={t("suspend")} help={t("suspendHelp")} done={t("suspendedDone")} danger />
      )}
      {isPartner ? (
        <FlagForm key="revoke" orgId={orgId} value="off" action={setPartnerAction} label={t("revokePartner")} help={t("revokePartnerHelp")} done={t("partnerRevoked")} />
      ) : (
        <FlagForm key="grant" orgId={orgId} value="on" action={setPartnerAction} label={t("grantPartner")} help={t("grantPartnerHelp")} done={t("partnerGranted")} />
      )}
    </div>
  );
}
