"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { sendInboundSmsAction, sendTestSmsAction } from "@/lib/sms/actions";
import { smsLength } from "@/lib/sms/encoding";
import { Field, FormStatus, TextArea } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** Live length counter: the same computation the sender uses. */
function Counter({ text }: { text: string }) {
  const t = useTranslations("phone");
  const len = smsLength(text);
  return (
    <span aria-live="polite">
      {t("counter", {
        chars: len.characters,
        parts: t("parts", { count: len.parts }),
        encoding: len.encoding === "gsm7" ? "GSM-7" : "UCS-2",
      })}
      {len.nonGsmCharacters.length ? (
        <span className="ml-1 rounded bg-amber-100 px-1 text-amber-900">
          {len.nonGsmCharacters.join(" ")}
        </span>
      ) : null}
    </span>
  );
}

export function TestSmsForm({ org, defaultTo }: { org: string; defaultTo: string }) {
  const t = useTranslations("phone");
  const [state, action, pending] = useActionState(sendTestSmsAction, null);
  const [text, setText] = useState("");
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <Field
        label={t("sender")}
        name="from"
        defaultValue={state?.values?.from ?? "Viestikone"}
        maxLength={16}
        required
        errors={state?.fieldErrors?.from}
      />
      <Field
        label={t("recipient")}
        name="to"
        type="tel"
        defaultValue={state?.values?.to ?? defaultTo}
        placeholder="040 123 4567"
        required
        errors={state?.fieldErrors?.to}
      />
      <TextArea
        label={t("message")}
        name="text"
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        required
        errors={state?.fieldErrors?.text}
        hint={<Counter text={text} />}
      />
      <FormStatus
        ok={state?.ok}
        error={state?.fieldErrors ? undefined : state?.error}
        success={t("queued")}
      />
      <Button type="submit" disabled={pending}>
        {t("send")}
      </Button>
    </form>
  );
}

export function InboundSmsForm({ org, defaultFrom }: { org: string; defaultFrom: string }) {
  const t = useTranslations("phone");
  const [state, action, pending] = useActionState(sendInboundSmsAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="org" value={org} />
      <Field
        label={t("inboundFrom")}
        name="from"
        type="tel"
        defaultValue={state?.values?.from ?? defaultFrom}
        placeholder="040 123 4567"
        required
        errors={state?.fieldErrors?.from}
      />
      <Field
        label={t("inboundTo")}
        name="to"
        defaultValue={state?.values?.to ?? "18230"}
        inputMode="numeric"
        required
        errors={state?.fieldErrors?.to}
      />
      <TextArea
        label={t("message")}
        name="text"
        rows={3}
        defaultValue={state?.values?.text}
        required
        errors={state?.fieldErrors?.text}
      />
      <FormStatus
        ok={state?.ok}
        error={state?.fieldErrors ? undefined : state?.error}
        success={t("inboundStored")}
      />
      <Button type="submit" disabled={pending}>
        {t("inboundSend")}
      </Button>
    </form>
  );
}
