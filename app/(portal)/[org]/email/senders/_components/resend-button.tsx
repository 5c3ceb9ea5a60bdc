"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { resendSenderAction } from "@/lib/senders/actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** Mails a fresh verification link (the server allows one per 15 minutes). */
export function ResendButton({ org, senderId }: { org: string; senderId: string }) {
  const t = useTranslations("senders.senders");
  const [state, action, pending] = useActionState(
    resendSenderAction as (
      p: ActionResult<unknown> | null,
      f: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="senderId" value={senderId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("resend")}
      </Button>
      <FormStatus ok={state?.ok} error={state?.error} success={t("resent")} />
    </form>
  );
}
