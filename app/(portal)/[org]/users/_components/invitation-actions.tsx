"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/orgs/actions";
import { FormStatus } from "@/components/forms/field";
import { ConfirmForm } from "@/components/orgs/confirm-form";
import { Button } from "@/components/ui/button";

/** A main user's controls for an open invitation: send again (new 7-day link) and revoke. */
export function InvitationActions({
  org,
  invitation,
}: {
  org: string;
  invitation: { id: string; email: string };
}) {
  const t = useTranslations("members");
  const [state, action, pending] = useActionState(resendInvitationAction, null);
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={action} className="space-y-1">
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="invitationId" value={invitation.id} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("resend")}
        </Button>
        <FormStatus ok={state?.ok} error={state?.error} success={t("resent")} />
      </form>
      <ConfirmForm
        action={revokeInvitationAction}
        fields={{ org, invitationId: invitation.id }}
        label={t("revoke")}
        question={t("revokeQuestion", { email: invitation.email })}
        confirmLabel={t("revokeConfirm")}
        cancelLabel={t("cancel")}
        success={t("revoked")}
      />
    </div>
  );
}
