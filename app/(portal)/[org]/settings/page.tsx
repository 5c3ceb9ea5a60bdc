import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { getOrgDetails } from "@/lib/orgs/details";
import { hasRole } from "@/lib/orgs/roles";
import { Card } from "@/components/ui/card";
import { OrgDetailsForm } from "./_components/org-details-form";

export async function generateMetadata() {
  return { title: (await getTranslations("orgSettings"))("title") };
}

/** Organisation details (A2): every member may read them, only main users edit (the action checks again). */
export default async function OrgSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  const t = await getTranslations("orgSettings");
  const d = await getOrgDetails(await getDb(), m.orgId);
  if (!d) notFound();
  const canEdit = hasRole(m.role, "main");
  const rows: [string, string][] = [
    [t("name"), d.name],
    [t("businessId"), d.businessId ?? "–"],
    [t("billingAddress"), d.billingAddress ?? "–"],
    [t("contactEmails"), d.contactEmails.length ? d.contactEmails.join("\n") : "–"],
  ];
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{canEdit ? t("introMain") : t("introReadOnly")}</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={t("details")}>
          {canEdit ? (
            <OrgDetailsForm
              org={org}
              initial={{
                name: d.name,
                businessId: d.businessId ?? "",
                billingAddress: d.billingAddress ?? "",
                contactEmails: d.contactEmails.join("\n"),
              }}
            />
          ) : (
            <dl className="space-y-3 text-sm">
              {rows.map(([k, v]) => (
                <div key={k}>
                  <dt className="text-slate-600">{k}</dt>
                  <dd className="whitespace-pre-line font-medium">{v}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
        <Card title={t("account")}>
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-slate-600">{t("customerNumber")}</dt>
              <dd className="font-mono font-semibold">
                {d.customerNumber ?? t("noCustomerNumber")}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("address")}</dt>
              <dd className="font-mono">/{d.slug}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("status")}</dt>
              <dd>{d.status === "suspended" ? t("statusSuspended") : t("statusActive")}</dd>
            </div>
            {d.isPartner ? (
              <div>
                <dt className="text-slate-600">{t("partner")}</dt>
                <dd>{t("partnerYes")}</dd>
              </div>
            ) : null}
          </dl>
          <p className="mt-4 text-xs text-slate-600">{t("customerNumberHelp")}</p>
        </Card>
      </div>
    </div>
  );
}
