import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { isLocale } from "@/lib/i18n/config";
import { loadEditLink } from "@/lib/public-forms/links";
import { PublicCard } from "../../../../_components/public-card";
import { EditDetailsForm } from "../../../../_components/public-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("publicForms"))("edit.title") };
}

/** The mailed edit link (valid 7 days): the person's details in the register's join fields. */
export default async function EditLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("publicForms");
  const format = await getFormatter();
  const locale = await getLocale();
  const page = await loadEditLink(await getDb(), token, isLocale(locale) ? locale : "fi");
  if (!page)
    return (
      <PublicCard title={t("linkInvalidTitle")}>
        <p>{t("linkInvalid")}</p>
      </PublicCard>
    );
  return (
    <PublicCard orgName={page.orgName} title={t("edit.formTitle")}>
      <p className="text-sm text-slate-700">
        {t("edit.formIntro", {
          org: page.orgName,
          register: page.registerName,
          date: format.dateTime(page.expiresAt, { dateStyle: "short", timeStyle: "short" }),
        })}
      </p>
      <EditDetailsForm token={token} email={page.email} fields={page.fields} values={page.values} />
    </PublicCard>
  );
}
