"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { sendSmsTestAction } from "@/lib/campaigns/preflight-actions";
import { FormStatus, TextArea } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type Result = ActionResult<{ sent: number }>;

/** Test SMS as the chosen contact to up to 10 phone numbers, through the configured gateway. */
export function SmsTestForm(props: {
  org: string;
  campaignId: string;
  version: number;
  contactId: string;
}) {
  const t = useTranslations("preflight.sms");
  const [state, action, pending] = useActionState(
    sendSmsTestAction as (p: Result | null, f: FormData) => Promise<Result>,
    null,
  );
  return (
    <Card title={t("testTitle")}>
      <form action={action} className="max-w-xl space-y-3">
        <input type="hidden" name="org" value={props.org} />
        <input type="hidden" name="campaignId" value={props.campaignId} />
        <input type="hidden" name="version" value={props.version} />
        <input type="hidden" name="contactId" value={props.contactId} />
        <TextArea
          label={t("numbers")}
          name="numbers"
          rows={3}
          required
          hint={t("hint")}
          defaultValue={state?.ok ? undefined : (state?.values?.numbers ?? "")}
          errors={state?.fieldErrors?.numbers}
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
