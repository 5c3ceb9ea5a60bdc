"use client";

import { useTranslations } from "next-intl";

export type CampaignTargetOption = {
  id: string;
  name: string;
  segments: { id: string; name: string }[];
};

/** The recipients picker's options: each register whole ("r:") and its segments ("s:"). */
export function TargetOptions({ targets }: { targets: CampaignTargetOption[] }) {
  const t = useTranslations("campaigns");
  return (
    <>
      <option value="" disabled>
        {t("form.targetPlaceholder")}
      </option>
      {targets.map((r) => (
        <optgroup key={r.id} label={r.name}>
          <option value={`r:${r.id}`}>{t("wholeRegister", { register: r.name })}</option>
          {r.segments.map((s) => (
            <option key={s.id} value={`s:${r.id}:${s.id}`}>
              {t("segmentOf", { register: r.name, segment: s.name })}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
