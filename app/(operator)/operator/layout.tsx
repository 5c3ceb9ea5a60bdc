import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOperator } from "@/lib/operator/session";
import { AppFrame } from "@/components/layout/app-frame";

/** The platform back office shell. Each page checks the operator flag again (layouts can be skipped). */
export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  await requireOperator();
  const t = await getTranslations();
  return (
    <AppFrame
      home="/operator"
      tone="dark"
      start={
        <span className="rounded bg-amber-400 px-2 py-0.5 text-xs font-semibold text-slate-900">
          {t("operator.badge")}
        </span>
      }
      end={
        <Link href="/" className="rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-700">
          {t("operator.toPortal")}
        </Link>
      }
    >
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </AppFrame>
  );
}
