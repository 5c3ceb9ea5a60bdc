"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateSettingsAction } from "@/lib/campaigns/actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { SelectField } from "../../_components/select-field";
import { TargetOptions, type CampaignTargetOption } from "../../_components/target-options";

export type SettingsValues = {
  name: string;
  subject: string;
  preheader: string;
  senderId: string | null;
  smsSender: string | null;
  fromName: string;
  replyTo: string | null;
  trackOpens: boolean;
  trackClicks: boolean;
  inlineImages: boolean;
  ratePerHour: number | null;
  quietStartHour: number | null;
  quietEndHour: number | null;
};

const str = (v: number | string | null | undefined) =>
  v === null || v === undefined ? "" : String(v);

/**
 * The campaign's settings. Once the campaign is past draft the message fields are shown but
 * locked (sent along unchanged as hidden values); name, rate and quiet hours stay editable.
 * An SMS campaign has a sender name instead of the e-mail fields (its text is on the content tab).
 */
export function SettingsForm({
  org,
  campaignId,
  values,
  senders,
  smsSenders,
  channel,
  targets,
  target,
  locked,
  readOnly,
}: {
  org: string;
  campaignId: string;
  values: SettingsValues;
  senders: { id: string; address: string; name: string }[];
  /** The organisation's allowed SMS sender names (SMS campaigns). */
  smsSenders: string[];
  channel: "email" | "sms";
  targets: CampaignTargetOption[];
  /** The current recipients as a picker value ("" when the segment was deleted). */
  target: string;
  locked: boolean;
  readOnly: boolean;
}) {
  const t = useTranslations("campaigns.settings");
  const [state, action, pending] = useActionState(updateSettingsAction, null);
  const v = state?.values;
  const fe = state?.fieldErrors;
  const text = (k: keyof SettingsValues) => v?.[k] ?? str(values[k] as string | number | null);
  const fixed = locked || readOnly;
  const box = (k: "trackOpens" | "trackClicks" | "inlineImages") => (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        name={fixed ? undefined : k}
        defaultChecked={v ? v[k] === "on" : values[k]}
        disabled={fixed}
      />
      {fixed && values[k] ? <input type="hidden" name={k} value="on" /> : null}
      {t(k)}
    </label>
  );
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="campaignId" value={campaignId} />
      {locked ? <p className="text-sm text-slate-600">{t("lockedNote")}</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label={t("name")}
          name="name"
          required
          maxLength={200}
          defaultValue={text("name")}
          errors={fe?.name}
          readOnly={readOnly}
        />
        <SelectField
          label={t("target")}
          name={fixed ? "targetShown" : "target"}
          defaultValue={v?.target ?? target}
          errors={fe?.target}
          disabled={fixed}
        >
          <TargetOptions targets={targets} />
        </SelectField>
        {channel === "sms" ? (
          <>
            <SelectField
              label={t("smsSender")}
              name={fixed ? "smsSenderShown" : "smsSender"}
              defaultValue={text("smsSender")}
              errors={fe?.smsSender}
              disabled={fixed}
            >
              <option value="">–</option>
              {smsSenders.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </SelectField>
            {fixed ? <input type="hidden" name="smsSender" value={str(values.smsSender)} /> : null}
          </>
        ) : (
          <>
            <Field
              label={t("subject")}
              name="subject"
              maxLength={998}
              defaultValue={text("subject")}
              errors={fe?.subject}
              readOnly={fixed}
            />
            <Field
              label={t("preheader")}
              name="preheader"
              maxLength={500}
              hint={t("preheaderHint")}
              defaultValue={text("preheader")}
              errors={fe?.preheader}
              readOnly={fixed}
            />
            <SelectField
              label={t("sender")}
              name={fixed ? "senderShown" : "senderId"}
              defaultValue={text("senderId")}
              errors={fe?.senderId}
              disabled={fixed}
            >
              <option value="">–</option>
              {senders.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name ? `${s.name} <${s.address}>` : s.address}
                </option>
              ))}
            </SelectField>
            {fixed ? <input type="hidden" name="senderId" value={str(values.senderId)} /> : null}
            <Field
              label={t("fromName")}
              name="fromName"
              maxLength={200}
              defaultValue={text("fromName")}
              errors={fe?.fromName}
              readOnly={fixed}
            />
            <Field
              label={t("replyTo")}
              name="replyTo"
              type="email"
              hint={t("replyToHint")}
              defaultValue={text("replyTo")}
              errors={fe?.replyTo}
              readOnly={fixed}
            />
          </>
        )}
      </div>
      {channel === "sms" ? null : (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("tracking")}</legend>
          {box("trackOpens")}
          {box("trackClicks")}
          {box("inlineImages")}
        </fieldset>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <Field
          label={t("rate")}
          name="ratePerHour"
          inputMode="numeric"
          hint={t("rateHint")}
          defaultValue={text("ratePerHour")}
          errors={fe?.ratePerHour}
          readOnly={readOnly}
        />
        <Field
          label={`${t("quiet")}: ${t("quietStart")}`}
          name="quietStartHour"
          inputMode="numeric"
          hint={t("quietHint")}
          defaultValue={text("quietStartHour")}
          errors={fe?.quietStartHour}
          readOnly={readOnly}
        />
        <Field
          label={`${t("quiet")}: ${t("quietEnd")}`}
          name="quietEndHour"
          inputMode="numeric"
          defaultValue={text("quietEndHour")}
          errors={fe?.quietEndHour}
          readOnly={readOnly}
        />
      </div>
      {readOnly ? null : (
        <>
          <FormStatus ok={state?.ok} error={state?.error} success={t("saved")} />
          <Button type="submit" disabled={pending}>
            {t("save")}
          </Button>
        </>
      )}
    </form>
  );
}
