import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { getPublicPrivacy } from "@/lib/registers/privacy";

type Props = {
  params: Promise<{ key: string }>;
  searchParams: Promise<{ lang?: string }>;
};

async function pageLocale(sp: { lang?: string }): Promise<Locale> {
  if (isLocale(sp.lang)) return sp.lang;
  const l = await getLocale();
  return isLocale(l) ? l : "fi";
}

export async function generateMetadata({ params, searchParams }: Props) {
  const data = await getPublicPrivacy(await getDb(), (await params).key);
  const t = await getTranslations({
    locale: await pageLocale(await searchParams),
    namespace: "privacy",
  });
  return { title: data ? `${t("public.heading")} – ${data.register.name}` : t("public.heading") };
}

/**
 * The public privacy notice of a register (R9, rekisteriseloste), generated from the notice the
 * customer filled in and the register's columns. Headings and standard texts follow `?lang=`
 * (fi/en); the customer's own texts are shown as written. Unpublished notices are a 404.
 */
export default async function PublicPrivacyPage({ params, searchParams }: Props) {
  const { key } = await params;
  const locale = await pageLocale(await searchParams);
  const data = await getPublicPrivacy(await getDb(), key);
  if (!data) notFound();
  const { notice, register, columns } = data;
  const t = await getTranslations({ locale, namespace: "privacy" });
  const format = await getFormatter({ locale });
  const other: Locale = locale === "fi" ? "en" : "fi";
  const section = (title: string, body: React.ReactNode) => (
    <section className="space-y-1">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="whitespace-pre-line text-sm text-slate-700">{body}</div>
    </section>
  );
  return (
    <main lang={locale} className="mx-auto max-w-2xl space-y-6 px-4 py-10">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">
            {t("public.heading")} – {register.name}
          </h1>
          <p className="text-sm text-slate-600">{t("public.lead")}</p>
        </div>
        <Link
          href={`/p/r/${key}/privacy?lang=${other}`}
          hrefLang={other}
          className="shrink-0 text-sm text-brand-700 hover:underline"
        >
          {t("public.otherLanguage")}
        </Link>
      </div>
      {section(
        t("public.controller"),
        [notice.controllerName, notice.controllerBusinessId, notice.controllerAddress]
          .filter(Boolean)
          .join("\n"),
      )}
      {section(
        t("public.contact"),
        [notice.contactPerson, notice.contactEmail].filter(Boolean).join("\n"),
      )}
      {section(t("public.name"), register.name)}
      {section(t("public.purpose"), notice.purpose)}
      {section(t("public.basis"), t(`bases.${notice.legalBasis}`))}
      {section(
        t("public.content"),
        <>
          <p>{t("public.contentLead")}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="privacy-columns">
            {(["email", "phone", "firstName", "lastName"] as const).map((k) => (
              <li key={k}>{t(`public.builtin.${k}`)}</li>
            ))}
            {columns.map((c) => (
              <li key={c.id}>{c.label}</li>
            ))}
            <li>{t("public.consentRecord")}</li>
          </ul>
        </>,
      )}
      {section(t("public.retention"), notice.retention)}
      {notice.sources ? section(t("public.sources"), notice.sources) : null}
      {section(t("public.recipients"), notice.recipients || t("public.noRecipients"))}
      {section(t("public.rights"), t("public.rightsText"))}
      <p className="text-xs text-slate-500">
        {t("public.updated", { date: format.dateTime(notice.updatedAt, { dateStyle: "long" }) })}
      </p>
    </main>
  );
}
