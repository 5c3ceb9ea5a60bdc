import type { Locale } from "@/lib/i18n/config";

const WORDING = {
  oneClick: {
    fi: "Peruttu viestin yhden napsautuksen peruutuslinkillä (List-Unsubscribe-Post).",
    en: "Unsubscribed with the message's one-click unsubscribe (List-Unsubscribe-Post).",
  },
  page: {
    fi: "Peruttu viestin peruutuslinkin vahvistussivulla: ”En halua enää sähköpostia tästä rekisteristä.”",
    en: "Unsubscribed on the confirm page of the message's unsubscribe link: “I no longer want e-mail from this register.”",
  },
  preferences: {
    fi: "Muutettu viestin peruutuslinkin asetussivulla.",
    en: "Changed on the preference page of the message's unsubscribe link.",
  },
} as const;

/** The wording stored with a consent event from an unsubscribe link, in the page's language. */
export function unsubscribeWording(kind: keyof typeof WORDING, locale: Locale): string {
  return WORDING[kind][locale];
}
