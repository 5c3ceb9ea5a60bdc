import { getFormatter, getTranslations } from "next-intl/server";
import { rate, type ReportSummary } from "@/lib/tracking/report";

/** The report's figures with their rates (of sent messages; clicks also of openers). */
export async function SummaryGrid({
  summary: s,
  trackOpens,
}: {
  summary: ReportSummary;
  trackOpens: boolean;
}) {
  const t = await getTranslations("reports");
  const format = await getFormatter();
  const pct = (n: number, of: number) =>
    format.number(rate(n, of), { style: "percent", maximumFractionDigits: 1 });
  const items: [string, number, string?][] = [
    ["recipients", s.recipients],
    ["sent", s.sent],
    ["delivered", s.delivered, pct(s.delivered, s.sent)],
    ["failed", s.failed],
    ["bouncedHard", s.bouncedHard, pct(s.bouncedHard, s.sent)],
    ["bouncedSoft", s.bouncedSoft, pct(s.bouncedSoft, s.sent)],
    ["complaints", s.complaints, pct(s.complaints, s.sent)],
    ["uniqueOpens", s.uniqueOpens, pct(s.uniqueOpens, s.sent)],
    ["totalOpens", s.totalOpens],
    ["uniqueClicks", s.uniqueClicks, pct(s.uniqueClicks, s.sent)],
    ["totalClicks", s.totalClicks],
    ["unsubscribes", s.unsubscribes, pct(s.unsubscribes, s.sent)],
  ];
  return (
    <section aria-label={t("summary")} className="space-y-2">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {items.map(([key, n, r]) => (
          <div
            key={key}
            className="rounded-lg border border-slate-200 bg-white p-3"
            data-testid={`stat-${key}`}
          >
            <dt className="text-xs font-medium text-slate-600">{t(`stats.${key}`)}</dt>
            <dd className="text-xl font-semibold tabular-nums">
              {format.number(n)}
              {r ? <span className="ml-2 text-sm font-normal text-slate-600">{r}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">
        {t("clickToOpen", { rate: pct(s.uniqueClicks, s.uniqueOpens) })}{" "}
        {trackOpens ? t("opensNote") : t("opensOff")}
      </p>
    </section>
  );
}
