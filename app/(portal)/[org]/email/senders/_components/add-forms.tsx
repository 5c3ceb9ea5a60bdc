"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { addDomainAction, addSenderAction } from "@/lib/senders/actions";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

type Act = (p: ActionResult<unknown> | null, f: FormData) => Promise<ActionResult<unknown>>;

/** Adds a from-address; the server mails it a verification link. */
export function AddSenderForm({ org }: { org: string }) {
  const t = useTranslations("senders.add");
  const [state, action, pending] = useActionState(addSenderAction as Act, null);
  const v = state?.ok ? undefined : state?.values;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label={t("address")}
          name="address"
          type="email"
          required
          hint={t("hint")}
          defaultValue={v?.address ?? ""}
          errors={state?.fieldErrors?.address}
          key={state?.ok ? "a-reset" : "a-keep"}
        />
        <Field
          label={t("name")}
          name="name"
          maxLength={100}
          defaultValue={v?.name ?? ""}
          errors={state?.fieldErrors?.name}
          key={state?.ok ? "n-reset" : "n-keep"}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
      <FormStatus
        ok={state?.ok}
        error={state?.fieldErrors ? undefined : state?.error}
        success={t("done")}
      />
    </form>
  );
}

/** Adds a sending domain (its DNS records appear above once added). */
export function AddDomainForm({ org }: { org: string }) {
  const t = useTranslations("senders.domains");
  const [state, action, pending] = useActionState(addDomainAction as Act, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="org" value={org} />
      <div className="min-w-64 flex-1">
        <Field
          label={t("domain")}
          name="domain"
          required
          placeholder="uutiset.example.fi"
          defaultValue={state?.ok ? "" : (state?.values?.domain ?? "")}
          errors={state?.fieldErrors?.domain}
          key={state?.ok ? "d-reset" : "d-keep"}
        />
      </div>
      <Button type="submit" disabled={pending} className="mb-0.5">
        {t("addSubmit")}
      </Button>
      <div className="w-full">
        <FormStatus
          ok={state?.ok}
          error={state?.fieldErrors ? undefined : state?.error}
          success={t("added")}
        />
      </div>
    </form>
  );
}
