"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { startImportAction } from "@/lib/import/actions";

type Target = { value: string; label: string };

/**
 * One select per source column (suggested target preselected, or "skip"), the mode, how
 * contacts are recognised and the consent option; starts the import. The server validates again.
 */
export function MappingForm({
  org,
  registerId,
  importId,
  headers,
  suggested,
  targets,
  samples,
}: {
  org: string;
  registerId: string;
  importId: string;
  headers: string[];
  suggested: (string | null)[];
  targets: Target[];
  samples: string[][];
}) {
  const t = useTranslations("import.page");
  const [state, action, pending] = useActionState(startImportAction, null);
  const [mapping, setMapping] = useState<string[]>(() =>
    headers.map((_, i) => state?.values?.[`map_${i}`] ?? suggested[i] ?? "skip"),
  );
  const [consent, setConsent] = useState(state?.values?.consent ?? "none");
  const counts = new Map<string, number>();
  for (const m of mapping) if (m !== "skip") counts.set(m, (counts.get(m) ?? 0) + 1);
  const label = (v: string) => targets.find((x) => x.value === v)?.label ?? v;
  const select = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";
  return (
    <form action={action} className="space-y-6">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="registerId" value={registerId} />
      <input type="hidden" name="importId" value={importId} />
      <fieldset className="space-y-2">
        <legend className="text-base font-semibold">{t("mapping")}</legend>
        <p className="text-sm text-slate-600">{t("mappingHelp")}</p>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200">
              <tr>
                <th scope="col" className="px-2 py-2 text-left font-medium text-slate-600">
                  {t("sourceColumn")}
                </th>
                <th scope="col" className="px-2 py-2 text-left font-medium text-slate-600">
                  {t("target")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {headers.map((h, i) => {
                const twice = mapping[i] !== "skip" && (counts.get(mapping[i]!) ?? 0) > 1;
                return (
                  <tr key={i}>
                    <td className="px-2 py-2">
                      <div className="font-medium">{h || `#${i + 1}`}</div>
                      <div className="text-xs text-slate-500">
                        {samples
                          .map((r) => r[i] ?? "")
                          .filter(Boolean)
                          .slice(0, 3)
                          .join(" · ")}
                      </div>
                    </td>
                    <td className="px-2 py-2">
                      <select
                        name={`map_${i}`}
                        aria-label={`${t("target")}: ${h || `#${i + 1}`}`}
                        className={select}
                        value={mapping[i]}
                        aria-invalid={twice || undefined}
                        onChange={(e) =>
                          setMapping((m) => m.map((x, k) => (k === i ? e.target.value : x)))
                        }
                      >
                        <option value="skip">{t("skip")}</option>
                        {targets.map((x) => (
                          <option key={x.value} value={x.value}>
                            {x.label}
                          </option>
                        ))}
                      </select>
                      {twice ? (
                        <p className="mt-1 text-xs text-red-700">
                          {t("twiceInline", { target: label(mapping[i]!) })}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-slate-600">{t("emptyCellsHelp")}</p>
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <label className="block space-y-1 text-sm">
          <span className="font-medium">{t("mode")}</span>
          <select
            name="mode"
            defaultValue={state?.values?.mode ?? "upsert"}
            className={`${select} w-full`}
          >
            {(["upsert", "add", "update"] as const).map((m) => (
              <option key={m} value={m}>
                {t(`modes.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block space-y-1 text-sm">
          <span className="font-medium">{t("dedupe")}</span>
          <select
            name="dedupe"
            defaultValue={state?.values?.dedupe ?? "email_phone"}
            className={`${select} w-full`}
          >
            {(["email_phone", "email", "phone"] as const).map((m) => (
              <option key={m} value={m}>
                {t(`dedupes.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="space-y-2 text-sm">
        <legend className="font-medium">{t("consent")}</legend>
        {(["none", "subscribed"] as const).map((c) => (
          <label key={c} className="flex items-center gap-2">
            <input
              type="radio"
              name="consent"
              value={c}
              checked={consent === c}
              onChange={() => setConsent(c)}
            />
            {t(`consents.${c}`)}
          </label>
        ))}
        <p className="text-slate-600">{t("consentHelp")}</p>
      </fieldset>
      <FormStatus ok={false} error={state?.ok ? undefined : state?.error} success="" />
      <Button type="submit" disabled={pending}>
        {pending ? t("starting") : t("start")}
      </Button>
    </form>
  );
}
