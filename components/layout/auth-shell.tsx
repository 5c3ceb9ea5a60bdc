import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "./locale-switch";

/** The frame of the sign-in, sign-up, verification and reset pages: brand, one card, language. */
export async function AuthShell({
  title,
  children,
  wide = false,
  footer,
}: {
  title: string;
  children: React.ReactNode;
  wide?: boolean;
  footer?: React.ReactNode;
}) {
  const t = await getTranslations("app");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className={`w-full ${wide ? "max-w-xl" : "max-w-sm"}`}>
        <p className="mb-2 text-center text-2xl font-bold text-brand-700">{t("name")}</p>
        <p className="mb-8 text-center text-sm text-slate-600">{t("tagline")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-6 text-xl font-semibold">{title}</h1>
          {children}
        </div>
        {footer}
        <div className="mt-4 flex justify-center">
          <LocaleSwitch />
        </div>
      </div>
    </main>
  );
}
