"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { bulkDeleteContactsAction } from "@/lib/contacts/actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

/**
 * The confirmation of a bulk deletion: the server counted the contacts; confirming queues the
 * job and returns to the list, where its progress shows. Cancel goes back to the same list.
 */
export function BulkDeleteForm({
  org,
  registerId,
  q,
  f,
  cancelHref,
}: {
  org: string;
  registerId: string;
  q: string;
  f: string;
  cancelHref: string;
}) {
  const t = useTranslations("contacts.bulkDelete");
  const [state, formAction, pending] = useActionState(
    bulkDeleteContactsAction as (
      p: ActionResult<unknown> | null,
      f: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="registerId" value={registerId} />
      <input type="hidden" name="q" value={q} />
      <input type="hidden" name="f" value={f} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} autoFocus>
          {pending ? t("pending") : t("confirm")}
        </Button>
        <Link href={cancelHref} className="text-sm text-brand-700 hover:underline">
          {t("cancel")}
        </Link>
      </div>
      <FormStatus ok={state?.ok} error={state?.error} success="" />
    </form>
  );
}
