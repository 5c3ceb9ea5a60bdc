"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { sendTestAction } from "@/lib/campaigns/preflight-actions";
import { FormStatus, TextArea } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type Result = ActionResult<{ sent: number }>;

/** Test send as the chosen contact to up to 10 addresses ("[TEST] " subject). */
export function TestSendForm({
  org,
  campaignId,
  version,
  contactId,
}: {
  org: string;
  campaignId: string;
  version: number;
  contactId: string;
}) {
  const t = useTranslations("preflight.test");
  const [state, action, pending] = useActionState(
    sendTestAction as (p: Result | null, f: FormData) => Promise<Result>,
    null,
  );
  return (
    <Card title={t("title")}>
      <form action={action} className="space-y-3">
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="campaignId" value={campaignId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="contactId" value={contactId} />
        <TextArea
          label={t("addresses")}
          name="addresses"
          rows={3}
          required
          hint={t("hint")}
          defaultValue={state?.ok ? undefined : (state?.values?.addresses ?? "")}
          errors={state?.fieldErrors?.addresses}
        />
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
        <FormStatus
          ok={state?.ok}
          error={state?.fieldErrors ? undefined : state?.error}
          success={t("done", { count: state?.data?.sent ?? 0 })}
        />
      </form>
    </Card>
  );
}
