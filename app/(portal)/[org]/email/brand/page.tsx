import { eq } from "drizzle-orm";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { organizations } from "@/db/schema";
import { requireMembership } from "@/lib/auth/session";
import { getBrand } from "@/lib/brand/brand";
import { renderBrandPreview } from "@/lib/brand/preview";
import { listLogoChoices } from "@/lib/brand/queries";
import { hasRole } from "@/lib/orgs/roles";
import { Card } from "@/components/ui/card";
import { BrandForm } from "./_components/brand-form";

export async function generateMetadata() {
  return { title: (await getTranslations("brand"))("title") };
}

/** The organisation's e-mail brand (E2): main users and editors edit, viewers read. */
export default async function BrandPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  const db = await getDb();
  const t = await getTranslations("brand");
  const [brand, logos, [orgRow]] = await Promise.all([
    getBrand(db, m.orgId),
    listLogoChoices(db, m.orgId),
    db
      .select({ name: organizations.name, address: organizations.billingAddress })
      .from(organizations)
      .where(eq(organizations.id, m.orgId)),
  ]);
  const preview = await renderBrandPreview(db, m.orgId, brand, {
    locale: (await getLocale()) === "en" ? "en" : "fi",
    organisationName: orgRow?.name ?? "",
    organisationAddress: orgRow?.address ?? "",
  });
  const canEdit = hasRole(m.role, "editor");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card>
        {!canEdit ? (
          <p className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">{t("readOnly")}</p>
        ) : null}
        <BrandForm
          org={org}
          initial={brand}
          logos={logos.map((l) => ({ id: l.id, name: l.name }))}
          canEdit={canEdit}
          initialPreview={preview}
        />
      </Card>
    </div>
  );
}
