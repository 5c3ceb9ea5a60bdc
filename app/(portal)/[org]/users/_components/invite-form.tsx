"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { inviteMemberAction } from "@/lib/orgs/actions";
import { roles } from "@/lib/orgs/roles";
import { Field, FormStatus, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/** The main user's invite form: e-mail and role. */
export function InviteForm({ org }: { org: string }) {
  const t = useTranslations("members");
  const tr = useTranslations("roles");
  const err = useErrorText();
  const roleId = useId();
  const [state, action, pending] = useActionState(inviteMemberAction, null);
  const roleErrors = state?.fieldErrors?.role;
  const success = state?.data
    ? t(state.data.renewed ? "renewed" : "invited", { email: state.data.email })
    : "";
  return (
    <form action={action} aria-label={t("invite")} className="space-y-3">
      <p className="text-sm text-slate-600">{t("inviteHelp")}</p>
      <input type="hidden" name="org" value={org} />
      <Field
        label={t("inviteEmail")}
        name="email"
        type="email"
        autoComplete="off"
        required
        defaultValue={state?.values?.email}
        errors={state?.fieldErrors?.email}
      />
      <div className="space-y-1">
        <label htmlFor={roleId} className="block text-sm font-medium text-slate-800">
          {t("inviteRole")}
        </label>
        <select
          id={roleId}
          name="role"
          key={state?.values?.role ?? "editor"}
          defaultValue={state?.values?.role ?? "editor"}
          aria-invalid={roleErrors?.length ? true : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        >
          {[...roles].reverse().map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
        {roleErrors?.length ? (
          <p className="text-sm text-red-700">{roleErrors.map(err).join(" ")}</p>
        ) : null}
      </div>
      <FormStatus
        ok={state?.ok}
        error={state?.fieldErrors?.email ? undefined : state?.error}
        success={success}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("inviting") : t("inviteSubmit")}
      </Button>
    </form>
  );
}
