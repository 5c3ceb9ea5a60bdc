import { getLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/config";

/** The unsubscribe pages' language: `?lang=` first, else the visitor's cookie or browser. */
export async function pageLocale(lang: string | undefined): Promise<Locale> {
  if (isLocale(lang)) return lang;
  const l = await getLocale();
  return isLocale(l) ? l : "fi";
}
