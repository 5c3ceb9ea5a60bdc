"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createCampaignAction } from "@/lib/campaigns/actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { SelectField } from "./select-field";
import { TargetOptions, type CampaignTargetOption } from "./target-options";

type Sender = { id: string; address: string; name: string };

/** Name, recipients (a register or one of its segments), message type, sender and subject. */
export function NewCampaignForm({
  org,
  targets,
  senders,
}: {
  org: string;
  targets: CampaignTargetOption[];
  senders: Sender[];
}) {
  const t = useTranslations("campaigns.form");
  const [state, action, pending] = useActionState(createCampaignAction, null);
  const v = state?.values;
  const fe = state?.fieldErrors;
  return (
    <form action={action} className="max-w-xl space-y-4">
      <input type="hidden" name="org" value={org} />
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
        required
      >
        <TargetOptions targets={targets} />
      </SelectField>
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
      <FormStatus ok={false} error={state?.ok ? undefined : state?.error} success="" />
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
    </form>
  );
}
