import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/auth/actions";
import { locales } from "@/lib/i18n/config";

const names = { fi: "Suomi", en: "English" } as const;

/** Language switch: one small form per language, works without JavaScript. */
export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("header");
  return (
    <nav aria-label={t("language")} className="flex items-center gap-1 text-sm">
      {locales.map((l) => (
        <form key={l} action={setLocaleAction}>
          <input type="hidden" name="locale" value={l} />
          <button
            type="submit"
            lang={l}
            aria-current={l === locale ? "true" : undefined}
            className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 aria-[current]:font-semibold aria-[current]:text-slate-900"
          >
            {names[l]}
          </button>
        </form>
      ))}
    </nav>
  );
}
