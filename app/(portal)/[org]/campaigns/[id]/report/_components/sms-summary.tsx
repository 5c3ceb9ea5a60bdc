import { getFormatter, getTranslations } from "next-intl/server";
import type { SmsReportSummary } from "@/lib/sms/campaign-report";

/**
 * The SMS report's figures: recipients, sent, delivered (with the delivery rate), failed, the
 * two kinds of pending (not sent yet / waiting for the delivery report), parts and their cost.
 */
export async function SmsSummary({ summary: s }: { summary: SmsReportSummary }) {
  const t = await getTranslations("reports.sms");
  const format = await getFormatter();
  const pct = (r: number) => format.number(r, { style: "percent", maximumFractionDigits: 1 });
  const euros = (v: number, digits = 2) =>
    format.number(v, {
      style: "currency",
      currency: "EUR",
      minimumFractionDigits: 2,
      maximumFractionDigits: digits,
    });
  const items: [key: string, value: string, note?: string][] = [
    ["recipients", format.number(s.recipients)],
    ["sent", format.number(s.sent)],
    ["delivered", format.number(s.delivered), t("rate", { rate: pct(s.deliveryRate) })],
    [
      "failed",
      format.number(s.failed),
      s.failedAtSend > 0 ? t("failedAtSend", { n: s.failedAtSend }) : undefined,
    ],
    ["waitingToSend", format.number(s.waitingToSend)],
    ["waitingForReport", format.number(s.waitingForReport)],
    ["parts", format.number(s.parts)],
    ["cost", euros(s.costEuros)],
  ];
  return (
    <section aria-label={t("summary")} className="space-y-2">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {items.map(([key, value, note]) => (
          <div
            key={key}
            className="rounded-lg border border-slate-200 bg-white p-3"
            data-testid={`sms-stat-${key}`}
          >
            <dt className="text-xs font-medium text-slate-600">{t(`stats.${key}`)}</dt>
            <dd className="text-xl font-semibold tabular-nums">
              {value}
              {note ? (
                <span className="ml-2 text-sm font-normal text-slate-600">{note}</span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">
        {t("costNote", {
          parts: format.number(s.parts),
          price: euros(s.partPriceCents / 100, 5),
          cost: euros(s.costEuros, 4),
        })}
      </p>
    </section>
  );
}
