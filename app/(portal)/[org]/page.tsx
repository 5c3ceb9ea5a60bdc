import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { requireMembership } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { orgJobCounts } from "@/lib/jobs/enqueue";
import { hasRole } from "@/lib/orgs/roles";
import { Card } from "@/components/ui/card";
import { TestEmailForm } from "./_components/test-email-form";

export async function generateMetadata() {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  const session = await auth();
  const t = await getTranslations("overview");
  const tr = await getTranslations("roles");
  const e = env();
  const counts = await orgJobCounts(await getDb(), m.orgId);
  const channels = [
    [t("database"), e.dbKind],
    [t("jobs"), e.jobsKind],
    [t("email"), e.EMAIL_TRANSPORT],
    [t("sms"), e.SMS_GATEWAY],
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{m.name}</h1>
        <p className="text-sm text-slate-600">
          {t("welcome", { name: session?.user?.name ?? "" })} ·{" "}
          {t("yourRole", { role: tr(m.role) })}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("channels")}>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            {channels.map(([k, v]) => (
              <div key={k} className="rounded-md bg-slate-50 p-3">
                <dt className="text-slate-600">{k}</dt>
                <dd className="font-mono font-semibold">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("jobsQueue")}>
          <dl className="grid grid-cols-3 gap-3 text-sm">
            {(["queued", "running", "failed"] as const).map((s) => (
              <div key={s} className="rounded-md bg-slate-50 p-3">
                <dt className="text-slate-600">
                  {t(`jobs${s[0]!.toUpperCase()}${s.slice(1)}` as "jobsQueued")}
                </dt>
                <dd className="text-xl font-semibold tabular-nums">{counts[s] ?? 0}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("testEmail")}>
          {hasRole(m.role, "editor") ? (
            <TestEmailForm org={org} defaultTo={session?.user?.email ?? ""} />
          ) : (
            <p className="text-sm text-slate-600">{t("viewerNote")}</p>
          )}
        </Card>
      </div>
    </div>
  );
}
