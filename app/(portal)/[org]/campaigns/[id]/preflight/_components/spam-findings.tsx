import { getTranslations } from "next-intl/server";
import type { SpamFinding } from "@/lib/campaigns/spam-checks";
import { Card } from "@/components/ui/card";

const tone = { high: "text-red-700", medium: "text-amber-700", low: "text-slate-700" };

/** The built-in spam findings, each with its severity and what to fix. */
export async function SpamFindings({ findings }: { findings: SpamFinding[] }) {
  const t = await getTranslations("preflight.spam");
  return (
    <Card title={t("title")}>
      <h3 className="mb-2 text-sm font-medium text-slate-700">{t("builtIn")}</h3>
      {findings.length === 0 ? (
        <p className="text-sm text-green-700">{t("none")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("builtIn")}>
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} className="text-sm" data-rule={f.rule}>
              <p className={`font-medium ${tone[f.severity]}`}>
                {t(`severity.${f.severity}`)}: {t(`${f.rule}.title`, f.values ?? {})}
              </p>
              <p className="text-slate-700">{t(`${f.rule}.fix`, f.values ?? {})}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
