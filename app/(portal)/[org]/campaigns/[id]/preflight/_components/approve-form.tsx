"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { approvePreviewAction } from "@/lib/campaigns/preflight-actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** "Approve preview": marks the version this page showed as checked (refused if it changed). */
export function ApproveForm({
  org,
  campaignId,
  version,
}: {
  org: string;
  campaignId: string;
  version: number;
}) {
  const t = useTranslations("preflight.approve");
  const [state, action, pending] = useActionState(
    approvePreviewAction as (
      p: ActionResult<unknown> | null,
      f: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );
  return (
    <Card title={t("title")}>
      <form action={action} className="space-y-3">
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="campaignId" value={campaignId} />
        <input type="hidden" name="version" value={version} />
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
        <FormStatus ok={state?.ok} error={state?.error} success={t("done", { version })} />
      </form>
    </Card>
  );
}
