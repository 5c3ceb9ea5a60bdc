import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireMembership } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("campaigns"))("email.title") };
}

/** The e-mail settings index: brand, image bank, templates, senders and domains. */
export default async function EmailSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  await requireMembership(org);
  const t = await getTranslations("campaigns.email");
  const sections = ["brand", "images", "templates", "senders"] as const;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {sections.map((s) => (
          <Card key={s}>
            <h2 className="text-base font-semibold">
              <Link href={`/${org}/email/${s}`} className="text-brand-700 hover:underline">
                {t(s)}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t(`${s}Text`)}</p>
          </Card>
        ))}
      </div>
    </div>
  );
}
