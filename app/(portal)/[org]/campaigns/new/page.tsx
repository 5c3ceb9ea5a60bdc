import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { listCampaignTargets, listVerifiedSenders } from "@/lib/campaigns/queries";
import { hasRole } from "@/lib/orgs/roles";
import { Card, EmptyState } from "@/components/ui/card";
import { NewCampaignForm } from "../_components/new-campaign-form";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns"))("form.title") };
}

/** New campaign (editors): name, recipients (register or segment), message type and sender. */
export default async function NewCampaignPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  if (!hasRole(m.role, "editor")) notFound();
  const db = await getDb();
  const [targets, senders] = await Promise.all([
    listCampaignTargets(db, m.orgId),
    listVerifiedSenders(db, m.orgId),
  ]);
  const t = await getTranslations("campaigns");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${org}/campaigns`} className="text-brand-700 hover:underline">
            {t("title")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("form.title")}</h1>
      </div>
      <Card>
        {targets.length === 0 ? (
          <EmptyState>
            <Link href={`/${org}/registers`} className="text-brand-700 underline">
              {t("form.noRegisters")}
            </Link>
          </EmptyState>
        ) : (
          <NewCampaignForm org={org} targets={targets} senders={senders} />
        )}
      </Card>
    </div>
  );
}
