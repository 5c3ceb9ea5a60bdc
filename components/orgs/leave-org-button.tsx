"use client";

import { useTranslations } from "next-intl";
import { leaveOrganisationAction } from "@/lib/orgs/actions";
import { ConfirmForm } from "./confirm-form";

/**
 * "Leave organisation" with a confirmation step, for the members page and the profile page.
 * The server refuses the last main user ("errors.LAST_MAIN_USER", shown here); on success the
 * action redirects to the user's next organisation, or to the profile when none is left.
 */
export function LeaveOrgButton({ org }: { org: { slug: string; name: string } }) {
  const t = useTranslations("members.leave");
  return (
    <ConfirmForm
      action={leaveOrganisationAction}
      fields={{ org: org.slug }}
      label={t("button")}
      question={t("question", { name: org.name })}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pendingLabel={t("leaving")}
    />
  );
}
