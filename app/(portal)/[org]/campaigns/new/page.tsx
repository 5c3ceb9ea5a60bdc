import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { listCampaignTargets, listVerifiedSenders } from "@/lib/campaigns/queries";
import { smsMaxParts } from "@/lib/campaigns/sms-text";
import { hasRole } from "@/lib/orgs/roles";
import { listSmsSenders } from "@/lib/sms/senders";
import { Card, EmptyState } from "@/components/ui/card";
import { NewCampaignForm } from "../_components/new-campaign-form";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns"))("form.title") };
}

/** New campaign (editors): e-mail or SMS (`?channel=sms`), name, recipients, sender and message. */
export default async function NewCampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ channel?: string }>;
}) {
  const { org } = await params;
  const { channel } = await searchParams;
  const m = await requireMembership(org);
  if (!hasRole(m.role, "editor")) notFound();
  const db = await getDb();
  const [targets, senders, smsSenders] = await Promise.all([
    listCampaignTargets(db, m.orgId),
    listVerifiedSenders(db, m.orgId),
    listSmsSenders(db, m.orgId),
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
          <NewCampaignForm
            org={org}
            targets={targets}
            senders={senders}
            smsSenders={smsSenders.map((s) => s.sender)}
            initialChannel={channel === "sms" ? "sms" : "email"}
            maxParts={smsMaxParts()}
          />
        )}
      </Card>
    </div>
  );
}
