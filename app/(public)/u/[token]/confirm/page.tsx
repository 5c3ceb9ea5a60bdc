import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { loadUnsubscribe } from "@/lib/tracking/unsubscribe";
import { Button } from "@/components/ui/button";
import { PublicCard } from "../../../_components/public-card";
import { pageLocale } from "../locale";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ lang?: string }>;
};

export async function generateMetadata({ searchParams }: Props) {
  const locale = await pageLocale((await searchParams).lang);
  return {
    title: (await getTranslations({ locale, namespace: "unsubscribe" }))("confirm.title"),
    robots: { index: false },
  };
}

/**
 * The unsubscribe link's page (E10). Opening it changes nothing — mail scanners open every
 * link — it only shows the button, which POSTs to /u/<token>.
 */
export default async function UnsubscribeConfirmPage({ params, searchParams }: Props) {
  const { token } = await params;
  const locale = await pageLocale((await searchParams).lang);
  const t = await getTranslations({ locale, namespace: "unsubscribe" });
  const ctx = await loadUnsubscribe(await getDb(), token);
  if (!ctx)
    return (
      <PublicCard title={t("invalid.title")}>
        <p lang={locale}>{t("invalid.body")}</p>
      </PublicCard>
    );
  const prefs = `/u/${encodeURIComponent(token)}/preferences?lang=${locale}`;
  if (!ctx.contactId)
    return (
      <PublicCard orgName={ctx.orgName} title={t("removed.title")}>
        <p lang={locale}>{t("removed.body", { org: ctx.orgName })}</p>
      </PublicCard>
    );
  // The contact's current status decides: a person who subscribed again may unsubscribe again.
  if (ctx.emailStatus === "unsubscribed")
    return (
      <PublicCard orgName={ctx.orgName} title={t("already.title")}>
        <p lang={locale}>{t("already.body", { register: ctx.registerName })}</p>
        <Link href={prefs} className="text-brand-700 underline">
          {t("preferencesLink")}
        </Link>
      </PublicCard>
    );
  return (
    <PublicCard orgName={ctx.orgName} title={t("confirm.title")}>
      <div lang={locale} className="space-y-4">
        <p>{t("confirm.body", { register: ctx.registerName, org: ctx.orgName })}</p>
        <p className="text-sm text-slate-600">{t("confirm.address", { address: ctx.address })}</p>
        <form method="post" action={`/u/${encodeURIComponent(token)}`}>
          <input type="hidden" name="from" value="page" />
          <input type="hidden" name="lang" value={locale} />
          <Button type="submit">{t("confirm.submit")}</Button>
        </form>
        <Link href={prefs} className="text-sm text-brand-700 underline">
          {t("preferencesLink")}
        </Link>
      </div>
    </PublicCard>
  );
}
