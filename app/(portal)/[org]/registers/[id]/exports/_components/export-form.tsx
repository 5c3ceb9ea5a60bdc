"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { createExportAction } from "@/lib/exports/actions";

/** Starts an export of a register or of one segment (editors). */
export function ExportForm({
  org,
  registerId,
  segmentId,
  segments,
}: {
  org: string;
  registerId: string;
  segmentId?: string;
  segments?: { id: string; name: string }[];
}) {
  const t = useTranslations("exports");
  const [state, action, pending] = useActionState(createExportAction, null);
  const control = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="registerId" value={registerId} />
      {segmentId ? <input type="hidden" name="segmentId" value={segmentId} /> : null}
      {segments ? (
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-800">{t("segment")}</span>
          <select name="segmentId" className={control} defaultValue="">
            <option value="">{t("wholeRegister")}</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="space-y-1 text-sm">
        <span className="block font-medium text-slate-800">{t("format")}</span>
        <select name="format" className={control} defaultValue="xlsx">
          <option value="xlsx">{t("formatXlsx")}</option>
          <option value="csv">{t("formatCsv")}</option>
        </select>
      </label>
      <Button type="submit" disabled={pending}>
        {t("start")}
      </Button>
      <p className="w-full text-xs text-slate-600">{t("csvHint")}</p>
      <FormStatus ok={state?.ok} error={state?.error} success="" />
    </form>
  );
}
