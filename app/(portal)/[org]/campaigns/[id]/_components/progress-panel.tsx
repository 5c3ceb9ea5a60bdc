import { getFormatter, getTranslations } from "next-intl/server";
import type { CampaignProgress } from "@/lib/campaigns/progress";
import type { Campaign } from "@/lib/campaigns/queries";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";

/**
 * Live progress (E8): a bar of sent of all recipients, counts, the recent rate and the ETA.
 * The page refreshes itself while the campaign is sending or due to start.
 */
export async function ProgressPanel({
  campaign: c,
  progress: p,
}: {
  campaign: Campaign;
  progress: CampaignProgress;
}) {
  const t = await getTranslations("campaigns.progress");
  const ts = await getTranslations("campaigns.schedule");
  const format = await getFormatter();
  const due = c.status === "scheduled" && c.scheduledAt !== null && c.scheduledAt <= new Date();
  const live = c.status === "sending" || due;
  const total = c.materializedAt ? p.recipients : 0;
  const done = p.sent + p.failed;
  if (!c.materializedAt && !live) return null;
  const stat = (label: string, value: string | number) => (
    <div className="rounded-md bg-slate-50 p-3">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
  return (
    <Card title={t("title")}>
      <AutoRefresh active={live} intervalMs={2000} />
      {c.materializedAt ? (
        <div className="space-y-4">
          <ProgressBar
            value={done}
            max={total}
            label={t("label", { sent: p.sent, total })}
            tone={c.status === "sent" ? "green" : "blue"}
          />
          <p className="text-sm">
            {t("label", { sent: format.number(p.sent), total: format.number(total) })}
          </p>
          {p.heldUntil ? (
            <p className="text-sm text-amber-800">
              {ts("quietHeld", { date: format.dateTime(p.heldUntil, "short") })}
            </p>
          ) : null}
          {p.retrying > 0 && c.status === "sending" ? (
            <p role="status" className="text-sm text-amber-800">
              {t("retrying", { n: format.number(p.retrying) })}{" "}
              {p.retryError ? (
                <span className="font-mono text-xs break-all">{p.retryError.slice(0, 200)}</span>
              ) : null}
            </p>
          ) : null}
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
            {stat(t("queued"), format.number(p.queued))}
            {stat(t("sent"), format.number(p.sent))}
            {stat(t("failed"), format.number(p.failed))}
            {stat(t("rate"), t("perMinute", { n: format.number(p.perMinute) }))}
            {stat(t("eta"), p.etaAt ? format.dateTime(p.etaAt, "short") : t("etaUnknown"))}
          </dl>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("notStarted")}</p>
      )}
    </Card>
  );
}
