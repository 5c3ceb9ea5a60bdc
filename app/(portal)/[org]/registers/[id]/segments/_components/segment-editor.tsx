"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { saveSegmentAction } from "@/lib/segments/actions";
import type { FieldDescription } from "@/lib/segments/fields";
import type { FilterGroup } from "@/lib/segments/schemas";
import { FilterBuilder } from "./filter-builder";

/** Name + filter builder + save, for a new segment or an existing one. */
export function SegmentEditor({
  org,
  registerId,
  segmentId,
  name,
  filter,
  fields,
}: {
  org: string;
  registerId: string;
  segmentId?: string;
  name: string;
  filter: FilterGroup;
  fields: FieldDescription[];
}) {
  const t = useTranslations("segments");
  const [tree, setTree] = useState<FilterGroup>(filter);
  const [state, action, pending] = useActionState(saveSegmentAction, null);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="registerId" value={registerId} />
      <input type="hidden" name="segmentId" value={segmentId ?? ""} />
      <input type="hidden" name="filter" value={JSON.stringify(tree)} />
      <Field
        label={t("name")}
        name="name"
        required
        maxLength={200}
        defaultValue={state?.values?.name ?? name}
        errors={state?.fieldErrors?.name}
      />
      <FilterBuilder
        org={org}
        registerId={registerId}
        fields={fields}
        value={tree}
        onChange={setTree}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        <FormStatus ok={state?.ok} error={state?.error} success="" />
      </div>
    </form>
  );
}
