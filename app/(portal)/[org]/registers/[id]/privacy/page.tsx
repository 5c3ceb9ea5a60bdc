import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { appUrl } from "@/lib/auth/account-emails";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { addressSourceStatement, getPrivacyDraft } from "@/lib/registers/privacy";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { Card } from "@/components/ui/card";
import { PrivacyForm } from "./_components/privacy-form";

export async function generateMetadata() {
  return { title: (await getTranslations("privacy"))("title") };
}

/** A register's privacy notice (R9): the form, its publication state and the footer statement. */
export default async function PrivacyPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const m = await requireMembership(org);
  const db = await getDb();
  const { register } = await loadRegisterForPage(db, m.orgId, id);
  const { notice, saved } = await getPrivacyDraft(db, m.orgId, id);
  const t = await getTranslations("privacy");
  const format = await getFormatter();
  const publicUrl = appUrl(`/p/r/${register.publicKey}/privacy`);
  const statement = saved
    ? await addressSourceStatement(db, m.orgId, id, { baseUrl: appUrl(""), t })
    : null;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${org}/registers/${id}`} className="text-brand-700 hover:underline">
            {t("backToRegister")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {t("title")} – {register.name}
        </h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          {!saved ? (
            <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              {t("notSavedYet")}
            </p>
          ) : null}
          <PrivacyForm
            org={org}
            registerId={id}
            canEdit={hasRole(m.role, "editor")}
            initial={{
              controllerName: notice.controllerName,
              controllerBusinessId: notice.controllerBusinessId,
              controllerAddress: notice.controllerAddress,
              contactPerson: notice.contactPerson,
              contactEmail: notice.contactEmail,
              purpose: notice.purpose,
              legalBasis: notice.legalBasis,
              retention: notice.retention,
              sources: notice.sources,
              recipients: notice.recipients,
              addressSource: notice.addressSource,
              publish: Boolean(notice.publishedAt),
            }}
          />
        </Card>
        <div className="space-y-4">
          <Card title={t("publicPage")}>
            <p className="text-sm" data-testid="privacy-state">
              {notice.publishedAt
                ? t("published", { date: format.dateTime(notice.publishedAt, "short") })
                : t("notPublished")}
            </p>
            {notice.publishedAt ? (
              <p className="mt-2 break-all text-sm">
                <a href={publicUrl} className="text-brand-700 hover:underline" target="_blank">
                  {publicUrl}
                </a>
              </p>
            ) : null}
          </Card>
          {statement ? (
            <Card title={t("statementPreview")}>
              <p className="text-sm text-slate-700" data-testid="statement">
                {statement.text}
                {statement.noticeUrl ? (
                  <>
                    {" "}
                    <span className="break-all text-brand-700">{statement.noticeUrl}</span>
                  </>
                ) : null}
              </p>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
