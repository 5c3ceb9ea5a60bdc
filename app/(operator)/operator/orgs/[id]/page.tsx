import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireOperator } from "@/lib/operator/session";
import { getOrganizationForOperator } from "@/lib/operator/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { OrgControls } from "./_components/org-controls";
import { SmsPriceForm } from "./_components/sms-price-form";
import { TableHead } from "@/components/ui/table-head";

export async function generateMetadata() {
  return { title: (await getTranslations("operator"))("orgTitle") };
}

/** One organisation for operators: details, members (read-only) and the operator controls. */
export default async function OperatorOrgPage({ params }: { params: Promise<{ id: string }> }) {
  const operatorId = await requireOperator();
  const { id } = await params;
  const org = await getOrganizationForOperator(await getDb(), operatorId, id);
  if (!org) notFound();
  const t = await getTranslations("operator");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const facts: [string, string][] = [
    [t("address"), `/${org.slug}`],
    [t("businessId"), org.businessId ?? "–"],
    [t("customerNumber"), org.customerNumber ?? "–"],
    [t("billingAddress"), org.billingAddress ?? "–"],
    [t("contactEmails"), org.contactEmails.length ? org.contactEmails.join("\n") : "–"],
    [t("created"), format.dateTime(org.createdAt, "short")],
    [
      t("status"),
      org.status === "suspended"
        ? `${t("suspended")}${org.suspendedAt ? ` (${format.dateTime(org.suspendedAt, "short")})` : ""}`
        : t("active"),
    ],
    [t("partner"), org.isPartner ? t("yes") : t("no")],
    [
      t("smsPrice"),
      t("smsPriceValue", {
        price: format.number(org.smsPartPriceCents, { maximumFractionDigits: 3 }),
      }),
    ],
  ];
  return (
    <div className="space-y-4">
      <Link href="/operator" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{org.name}</h1>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={t("details")}>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt className="text-slate-600">{k}</dt>
                <dd className="whitespace-pre-line font-medium">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("controls")}>
          <OrgControls
            orgId={org.id}
            suspended={org.status === "suspended"}
            isPartner={org.isPartner}
          />
          <SmsPriceForm
            orgId={org.id}
            cents={format.number(org.smsPartPriceCents, {
              maximumFractionDigits: 3,
              useGrouping: false,
            })}
          />
        </Card>
      </div>
      <Card title={t("membersTitle", { count: org.members.length })}>
        {org.members.length === 0 ? (
          <EmptyState>{t("noMembers")}</EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <TableHead labels={[t("person"), t("email"), t("role"), t("since")]} />
            <tbody className="divide-y divide-slate-100">
              {org.members.map((m) => (
                <tr key={m.userId}>
                  <td className="py-2 pr-3">
                    {m.firstName} {m.lastName}
                  </td>
                  <td className="py-2 pr-3">{m.email}</td>
                  <td className="py-2 pr-3">{tr(m.role)}</td>
                  <td className="py-2 pr-3">{format.dateTime(m.since, "short")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
