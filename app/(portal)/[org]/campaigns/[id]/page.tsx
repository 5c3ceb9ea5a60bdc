import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import {
  cancelCampaignAction,
  deleteCampaignAction,
  duplicateCampaignAction,
  pauseCampaignAction,
  resumeCampaignAction,
  unscheduleCampaignAction,
} from "@/lib/campaigns/actions";
import { defaultScheduleInput } from "@/lib/campaigns/helsinki-time";
import { campaignProgress } from "@/lib/campaigns/progress";
import {
  listCampaignTargets,
  listVerifiedSenders,
  loadCampaignForPage,
} from "@/lib/campaigns/queries";
import { notReadyReasons } from "@/lib/campaigns/readiness";
import { canTransition } from "@/lib/campaigns/status";
import { hasRole } from "@/lib/orgs/roles";
import { listSmsSenders } from "@/lib/sms/senders";
import { getRegisterOrThrow } from "@/lib/registers/registers";
import { getSegmentOrThrow } from "@/lib/segments/segments";
import { Card } from "@/components/ui/card";
import { ActionButton } from "./_components/action-button";
import { ProgressPanel } from "./_components/progress-panel";
import { ScheduleForm } from "./_components/schedule-form";
import { SettingsForm } from "./_components/settings-form";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns"))("tabs.overview") };
}

/** A campaign's overview: readiness, sending controls, live progress and settings. */
export default async function CampaignOverviewPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const m = await requireMembership(org);
  const db = await getDb();
  const c = await loadCampaignForPage(db, m.orgId, id);
  const sms = c.channel === "sms";
  const [senders, smsSenders, targets, register, segment, reasons, progress] = await Promise.all([
    sms ? [] : listVerifiedSenders(db, m.orgId),
    sms ? listSmsSenders(db, m.orgId).then((r) => r.map((x) => x.sender)) : [],
    listCampaignTargets(db, m.orgId),
    getRegisterOrThrow(db, m.orgId, c.registerId),
    c.segmentId ? getSegmentOrThrow(db, m.orgId, c.segmentId).catch(() => null) : null,
    c.status === "draft" || c.status === "scheduled" ? notReadyReasons(db, c) : [],
    campaignProgress(db, c),
  ]);
  const t = await getTranslations("campaigns");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const editor = hasRole(m.role, "editor");
  const base = `/${org}/campaigns/${id}`;
  /** A stored message "ns.key|param=value" in words. */
  const say = (msg: string) => {
    const [key = "", ...params] = msg.split("|");
    const values = Object.fromEntries(params.map((p) => p.split("=", 2) as [string, string]));
    return tAll.has(key) ? tAll(key as "campaigns.title", values) : msg;
  };
  const when = (d: Date) => format.dateTime(d, "short");
  const fix: Record<string, string> = {
    notChecked: `${base}/preflight`,
    noVerifiedSender: `/${org}/email/senders`,
    subjectInvalid: "#settings",
    subjectRequired: "#settings",
    segmentGone: "#settings",
    noSmsSender: "#settings",
    smsTextRequired: `${base}/content`,
    smsTextInvalid: `${base}/content`,
  };
  const button = (
    name: "pause" | "resume" | "cancel" | "unschedule",
    action: typeof pauseCampaignAction,
    confirm?: string,
  ) =>
    canTransition(c.status, name) ? (
      <ActionButton
        key={name}
        action={action}
        org={org}
        campaignId={c.id}
        label={t(`schedule.${name}`)}
        confirm={confirm}
        variant={name === "cancel" ? "ghost" : "secondary"}
      />
    ) : null;
  const defaults = defaultScheduleInput(c.scheduledAt);
  return (
    <div className="space-y-6">
      {c.error ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
        >
          {t("overview.error", { reason: say(c.error) })}
        </p>
      ) : null}
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">{t("overview.audience")}</dt>
            <dd>
              {c.audience === "register"
                ? t("wholeRegister", { register: register.name })
                : segment
                  ? t("segmentOf", { register: register.name, segment: segment.name })
                  : t("errors.segmentGone")}
            </dd>
          </div>
          {sms ? (
            <>
              <div>
                <dt className="text-slate-600">{t("overview.smsSender")}</dt>
                <dd>{c.smsSender ?? t("overview.none")}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("overview.smsText")}</dt>
                <dd className="whitespace-pre-wrap">
                  {smsSummary(c.textBody) || t("overview.noText")}
                </dd>
              </div>
            </>
          ) : (
            <>
              <div>
                <dt className="text-slate-600">{t("overview.from")}</dt>
                <dd>{senders.find((s) => s.id === c.senderId)?.address ?? t("overview.none")}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("overview.subject")}</dt>
                <dd>{c.subject || t("overview.noSubject")}</dd>
              </div>
            </>
          )}
        </dl>
      </Card>
      <Card title={t("schedule.title")}>
        <div className="space-y-4">
          {c.status === "draft" || c.status === "scheduled" ? (
            reasons.length > 0 ? (
              <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
                <p className="font-semibold">{t("overview.notReadyTitle")}</p>
                <ul className="mt-1 list-disc pl-5">
                  {reasons.map((r) => (
                    <li key={r}>
                      {t(`errors.${r}`)}{" "}
                      <Link href={fix[r] ?? base} className="underline">
                        {r === "notChecked"
                          ? t("overview.checkLink")
                          : r === "noVerifiedSender"
                            ? t("overview.sendersLink")
                            : r === "smsTextRequired" || r === "smsTextInvalid"
                              ? t("tabs.content")
                              : t("settings.title")}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="text-sm text-green-800">{t("overview.ready")}</p>
            )
          ) : null}
          {c.status === "scheduled" && c.scheduledAt ? (
            <p className="text-sm">{t("schedule.scheduledFor", { date: when(c.scheduledAt) })}</p>
          ) : null}
          {c.status === "paused" ? <p className="text-sm">{t("schedule.pausedNote")}</p> : null}
          {c.status === "sent" ? <p className="text-sm">{t("schedule.sentNote")}</p> : null}
          {c.status === "cancelled" ? (
            <p className="text-sm">{t("schedule.cancelledNote")}</p>
          ) : null}
          {editor && (c.status === "draft" || c.status === "scheduled") && reasons.length === 0 ? (
            <ScheduleForm
              org={org}
              campaignId={c.id}
              defaults={defaults}
              rescheduling={c.status === "scheduled"}
            />
          ) : null}
          {editor ? (
            <div className="flex flex-wrap gap-2">
              {button("pause", pauseCampaignAction)}
              {button("resume", resumeCampaignAction)}
              {button("unschedule", unscheduleCampaignAction)}
              {button("cancel", cancelCampaignAction, t("schedule.confirmCancel"))}
            </div>
          ) : null}
        </div>
      </Card>
      <ProgressPanel campaign={c} progress={progress} />
      <div id="settings">
        <Card title={t("settings.title")}>
          <SettingsForm
            org={org}
            campaignId={c.id}
            values={c}
            senders={senders}
            smsSenders={smsSenders}
            channel={c.channel}
            targets={targets}
            target={
              c.audience === "register"
                ? `r:${c.registerId}`
                : c.segmentId
                  ? `s:${c.registerId}:${c.segmentId}`
                  : ""
            }
            locked={c.status !== "draft"}
            readOnly={!editor || c.status === "sent" || c.status === "cancelled"}
          />
        </Card>
      </div>
      {editor ? (
        <div className="flex flex-wrap gap-2">
          <ActionButton
            action={duplicateCampaignAction}
            org={org}
            campaignId={c.id}
            label={t("manage.duplicate")}
          />
          {c.status === "draft" ? (
            <ActionButton
              action={deleteCampaignAction}
              org={org}
              campaignId={c.id}
              label={t("manage.delete")}
              confirm={t("manage.confirmDelete", { name: c.name })}
              variant="ghost"
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The first 160 characters of an SMS text, for the overview. */
function smsSummary(text: string | null): string {
  const s = (text ?? "").trim();
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}
