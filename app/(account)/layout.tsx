import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUserId } from "@/lib/auth/session";
import { signOutAction } from "@/lib/auth/actions";
import { LocaleSwitch } from "@/components/layout/locale-switch";

/** The frame of the user's own pages (not tied to one organisation). */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  await requireUserId();
  const t = await getTranslations();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        {t("app.skip")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-3 px-4 py-3">
          <Link href="/" className="text-lg font-bold text-brand-700">
            {t("app.name")}
          </Link>
          <div className="ml-auto flex items-center gap-2">
            <LocaleSwitch />
            <form action={signOutAction}>
              <button type="submit" className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
                {t("header.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
