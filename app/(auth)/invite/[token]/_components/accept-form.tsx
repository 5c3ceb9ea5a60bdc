"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { acceptInvitationAction } from "@/lib/orgs/invitation-actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** One-click acceptance for a signed-in user. */
export function AcceptForm({ token, label }: { token: string; label: string }) {
  const t = useTranslations("invite");
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormStatus error={state?.error} success="" />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("joining") : label}
      </Button>
    </form>
  );
}
