import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { loadCampaignForPage } from "@/lib/campaigns/queries";
import { CampaignStatusBadge } from "@/components/campaigns/status-badge";
import { RegisterTabs } from "@/components/registers/register-tabs";

/** Every page of one campaign shares its heading and tabs: overview, content, pre-flight, report. */
export default async function CampaignLayout({
  params,
  children,
}: {
  params: Promise<{ org: string; id: string }>;
  children: React.ReactNode;
}) {
  const { org, id } = await params;
  const m = await requireMembership(org);
  // Another organisation's campaign is a 404 here already.
  const c = await loadCampaignForPage(await getDb(), m.orgId, id);
  const t = await getTranslations("campaigns");
  const base = `/${org}/campaigns/${id}`;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${org}/campaigns`} className="text-brand-700 hover:underline">
            {t("title")}
          </Link>
        </p>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {c.name}
          <CampaignStatusBadge status={c.status} label={t(`status.${c.status}`)} />
        </h1>
      </div>
      <RegisterTabs
        label={t("tabs.label")}
        tabs={[
          { href: base, label: t("tabs.overview"), exact: true },
          { href: `${base}/content`, label: t("tabs.content") },
          { href: `${base}/preflight`, label: t("tabs.preflight") },
          { href: `${base}/report`, label: t("tabs.report") },
        ]}
      />
      {children}
    </div>
  );
}
