import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/auth/actions";
import { LocaleSwitch } from "./locale-switch";

const tones = {
  light: { header: "border-b border-slate-200 bg-white", brand: "text-brand-700", actions: "" },
  dark: {
    header: "border-b border-slate-700 bg-slate-900 text-white",
    brand: "",
    actions: "[&_button]:text-slate-200 [&_button:hover]:bg-slate-700",
  },
};

/**
 * The frame of every signed-in page: skip link, header (brand, `start` slot, `end` slot,
 * language switch, sign out), an optional banner, then the content.
 */
export async function AppFrame({
  home,
  wide = true,
  tone = "light",
  start,
  end,
  banner,
  children,
}: {
  home: string;
  wide?: boolean;
  tone?: keyof typeof tones;
  start?: React.ReactNode;
  end?: React.ReactNode;
  banner?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = await getTranslations();
  const style = tones[tone];
  const width = wide ? "max-w-7xl" : "max-w-4xl";
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2"
      >
        {t("app.skip")}
      </a>
      <header className={style.header}>
        <div className={`mx-auto flex ${width} flex-wrap items-center gap-3 px-4 py-3`}>
          <Link href={home} className={`text-lg font-bold ${style.brand}`}>
            {t("app.name")}
          </Link>
          {start}
          <div className={`ml-auto flex items-center gap-2 ${style.actions}`}>
            {end}
            <LocaleSwitch />
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
              >
                {t("header.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      {banner}
      {children}
    </div>
  );
}
