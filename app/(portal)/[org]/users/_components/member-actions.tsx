"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/orgs/actions";
import { roles, type Role } from "@/lib/orgs/roles";
import { FormStatus } from "@/components/forms/field";
import { ConfirmForm } from "@/components/orgs/confirm-form";
import { Button } from "@/components/ui/button";

type Props = { org: string; member: { userId: string; name: string; role: Role }; self: boolean };

/** A main user's controls for one member: change role, and remove (with confirmation). */
export function MemberActions({ org, member, self }: Props) {
  const t = useTranslations("members");
  const tr = useTranslations("roles");
  const id = useId();
  const [state, action, pending] = useActionState(changeMemberRoleAction, null);
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={action} className="space-y-1">
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="userId" value={member.userId} />
        <div className="flex items-center gap-2">
          <label htmlFor={id} className="sr-only">
            {t("roleFor", { name: member.name })}
          </label>
          <select
            id={id}
            name="role"
            key={member.role}
            defaultValue={member.role}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            {[...roles].reverse().map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? t("changing") : t("changeRole")}
          </Button>
        </div>
        <FormStatus ok={state?.ok} error={state?.error} success={t("roleChanged")} />
      </form>
      {self ? null : (
        <ConfirmForm
          action={removeMemberAction}
          fields={{ org, userId: member.userId }}
          label={t("remove")}
          question={t("removeQuestion", { name: member.name })}
          confirmLabel={t("removeConfirm")}
          cancelLabel={t("cancel")}
          success={t("removed")}
        />
      )}
    </div>
  );
}
