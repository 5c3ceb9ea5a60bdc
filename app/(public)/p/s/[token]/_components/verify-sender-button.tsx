"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { verifySenderAction } from "@/lib/senders/actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** The confirm button of a sender-verification link (the POST is what verifies). */
export function VerifySenderButton({ token }: { token: string }) {
  const t = useTranslations("senders.verify");
  const [state, action, pending] = useActionState(verifySenderAction, null);
  if (state?.ok && state.data)
    return (
      <p role="status" className="text-green-700">
        {t("done", { address: state.data.address, org: state.data.orgName })}
      </p>
    );
  if (state?.ok && !state.data)
    return (
      <p role="status" className="text-red-700">
        {t("invalid")}
      </p>
    );
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
      <FormStatus error={state?.error} success="" />
    </form>
  );
}
