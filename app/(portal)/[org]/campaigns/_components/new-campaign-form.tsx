"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createCampaignAction } from "@/lib/campaigns/actions";
import { Field, FormStatus, TextArea } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { SmsCounter } from "@/components/sms/sms-counter";
import { SelectField } from "./select-field";
import { TargetOptions, type CampaignTargetOption } from "./target-options";

type Sender = { id: string; address: string; name: string };
type Channel = "email" | "sms";

/**
 * Name, channel (e-mail or SMS) and recipients (a register or one of its segments); then for
 * e-mail the message type, sender and subject, for SMS the sender name and the text with its
 * live count.
 */
export function NewCampaignForm({
  org,
  targets,
  senders,
  smsSenders,
  initialChannel,
  maxParts,
}: {
  org: string;
  targets: CampaignTargetOption[];
  senders: Sender[];
  smsSenders: string[];
  initialChannel: Channel;
  maxParts: number;
}) {
  const t = useTranslations("campaigns.form");
  const [state, action, pending] = useActionState(createCampaignAction, null);
  const v = state?.values;
  const fe = state?.fieldErrors;
  const [channel, setChannel] = useState<Channel>((v?.channel as Channel) ?? initialChannel);
  const [text, setText] = useState(v?.textBody ?? "");
  return (
    <form action={action} className="max-w-xl space-y-4">
      <input type="hidden" name="org" value={org} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("channel")}</legend>
        <div className="flex gap-4">
          {(["email", "sms"] as const).map((c) => (
            <label key={c} className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name="channel"
                value={c}
                checked={channel === c}
                onChange={() => setChannel(c)}
              />
              {t(`channels.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        label={t("name")}
        name="name"
        required
        maxLength={200}
        hint={t("nameHint")}
        defaultValue={v?.name}
        errors={fe?.name}
      />
      <SelectField
        label={t("target")}
        name="target"
        defaultValue={v?.target ?? ""}
        errors={fe?.target}
        hint={channel === "sms" ? t("smsTargetHint") : undefined}
        required
      >
        <TargetOptions targets={targets} />
      </SelectField>
      {channel === "sms" ? (
        <>
          <SelectField
            label={t("smsSender")}
            name="smsSender"
            defaultValue={v?.smsSender ?? smsSenders[0] ?? ""}
            errors={fe?.smsSender}
            hint={
              <Link href={`/${org}/sms/senders`} className="underline">
                {smsSenders.length === 0 ? t("noSmsSender") : t("smsSenderHint")}
              </Link>
            }
          >
            {smsSenders.length === 0 ? <option value="">{t("noSmsSenderOption")}</option> : null}
            {smsSenders.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <TextArea
            label={t("smsText")}
            name="textBody"
            rows={5}
            value={text}
            onChange={(e) => setText(e.target.value)}
            hint={t("subjectHint", { example: "{{ first_name }}" })}
            errors={fe?.textBody}
          />
          <SmsCounter text={text.trim()} maxParts={maxParts} label={t("smsCount")} />
        </>
      ) : (
        <>
          <SelectField
            label={t("contentKind")}
            name="contentKind"
            defaultValue={v?.contentKind ?? "blocks"}
            errors={fe?.contentKind}
          >
            {(["blocks", "html", "text"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("sender")}
            name="senderId"
            defaultValue={v?.senderId ?? senders[0]?.id ?? ""}
            errors={fe?.senderId}
            hint={
              <Link href={`/${org}/email/senders`} className="underline">
                {t("senderHint")}
              </Link>
            }
          >
            {senders.length === 0 ? <option value="">{t("noSender")}</option> : null}
            {senders.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name ? `${s.name} <${s.address}>` : s.address}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("subject")}
            name="subject"
            maxLength={998}
            hint={t("subjectHint", { example: "{{ first_name }}" })}
            defaultValue={v?.subject}
            errors={fe?.subject}
          />
        </>
      )}
      <FormStatus ok={false} error={state?.ok ? undefined : state?.error} success="" />
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
    </form>
  );
}
