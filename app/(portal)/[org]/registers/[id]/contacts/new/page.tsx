import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { Card } from "@/components/ui/card";
import { ContactForm } from "../../_components/contact-form";

export async function generateMetadata() {
  return { title: (await getTranslations("contacts"))("newTitle") };
}

/** The form to add a contact (editors). */
export default async function NewContactPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const m = await requireMembership(org, "editor");
  const { register, columns } = await loadRegisterForPage(await getDb(), m.orgId, id);
  const t = await getTranslations("contacts");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${org}/registers/${id}`} className="text-brand-700 hover:underline">
            {register.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
        <p className="text-sm text-slate-600">{t("newIntro")}</p>
      </div>
      <Card>
        <ContactForm org={org} registerId={id} columns={columns} />
      </Card>
    </div>
  );
}
