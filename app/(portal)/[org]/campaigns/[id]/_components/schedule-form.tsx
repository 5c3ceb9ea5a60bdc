"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { scheduleCampaignAction } from "@/lib/campaigns/actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** Send now, or at a Helsinki date and time (also reschedules a scheduled campaign). */
export function ScheduleForm({
  org,
  campaignId,
  defaults,
  rescheduling,
}: {
  org: string;
  campaignId: string;
  defaults: { date: string; time: string };
  rescheduling: boolean;
}) {
  const t = useTranslations("campaigns.schedule");
  const [state, action, pending] = useActionState(scheduleCampaignAction, null);
  const [when, setWhen] = useState<"now" | "at">(
    (state?.values?.when as "now" | "at") ?? (rescheduling ? "at" : "now"),
  );
  const fe = state?.fieldErrors;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <fieldset className="flex flex-wrap gap-4 text-sm">
        {(["now", "at"] as const).map((w) => (
          <label key={w} className="flex items-center gap-2">
            <input
              type="radio"
              name="when"
              value={w}
              checked={when === w}
              onChange={() => setWhen(w)}
            />
            {t(w)}
          </label>
        ))}
      </fieldset>
      {when === "at" ? (
        <div className="grid max-w-md gap-3 sm:grid-cols-2">
          <Field
            label={t("date")}
            name="date"
            type="date"
            required
            defaultValue={state?.values?.date ?? defaults.date}
            errors={fe?.date}
          />
          <Field
            label={t("time")}
            name="time"
            type="time"
            required
            defaultValue={state?.values?.time ?? defaults.time}
            errors={fe?.time}
            hint={t("zoneHint")}
          />
        </div>
      ) : null}
      <FormStatus ok={state?.ok} error={state?.error} success={t("saved")} />
      <Button type="submit" disabled={pending}>
        {when === "now" ? t("sendNow") : rescheduling ? t("reschedule") : t("scheduleAt")}
      </Button>
    </form>
  );
}
