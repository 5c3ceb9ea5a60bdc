"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { retryImportAction } from "@/lib/import/actions";

/** "Try again" for a failed import: queues it again with the same file and mapping. */
export function RetryForm({
  org,
  registerId,
  importId,
}: {
  org: string;
  registerId: string;
  importId: string;
}) {
  const t = useTranslations("import.page");
  const [state, action, pending] = useActionState(retryImportAction, null);
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="registerId" value={registerId} />
      <input type="hidden" name="importId" value={importId} />
      <FormStatus ok={false} error={state?.ok ? undefined : state?.error} success="" />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("retry")}
      </Button>
    </form>
  );
}
