import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/auth/actions";
import { requireOperator } from "@/lib/operator/session";
import { LocaleSwitch } from "@/components/layout/locale-switch";

/** The platform back office shell. Each page checks the operator flag again (layouts can be skipped). */
export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  await requireOperator();
  const t = await getTranslations();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
        {t("app.skip")}
      </a>
      <header className="border-b border-slate-700 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3">
          <Link href="/operator" className="text-lg font-bold">
            {t("app.name")}
          </Link>
          <span className="rounded bg-amber-400 px-2 py-0.5 text-xs font-semibold text-slate-900">{t("operator.badge")}</span>
          <div className="ml-auto flex items-center gap-2 [&_button]:text-slate-200 [&_button:hover]:bg-slate-700">
            <Link href="/" className="rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-700">
              {t("operator.toPortal")}
            </Link>
            <LocaleSwitch />
            <form action={signOutAction}>
              <button type="submit" className="rounded px-2 py-1 text-sm">
                {t("header.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
