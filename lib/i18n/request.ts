import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/messages";
import { defaultLocale, isLocale, LOCALE_COOKIE, timeZone, type Locale } from "./config";

/** Locale from the cookie, else the browser's Accept-Language, else Finnish. */
async function resolveLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const accept = (await headers()).get("accept-language") ?? "";
  const first = accept.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return isLocale(first) ? first : defaultLocale;
}

// A page may ask for a language explicitly (`getTranslations({ locale })`, e.g. a public page's
// `?lang=`); otherwise the visitor's cookie or browser decides.
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = isLocale(asked) ? asked : await resolveLocale();
  return {
    locale,
    timeZone,
    messages: await loadMessages(locale),
    formats: {
      dateTime: {
        short: {
          day: "numeric",
          month: "numeric",
          year: "numeric",
          hour: "2-digit",
          minute: "2-digit",
        },
      },
    },
  };
});
