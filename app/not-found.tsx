import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-slate-600">{t("body")}</p>
      <Link href="/" className="text-brand-700 underline">
        {t("home")}
      </Link>
    </main>
  );
}
