// The message catalogues, one JSON file per namespace so areas can be edited independently.
// Add a namespace: create messages/{fi,en}/<ns>.json and list it in NAMESPACES below.
// `lib/i18n/messages.test.ts` checks that both languages have exactly the same keys.
export const NAMESPACES = [
  "app",
  "nav",
  "header",
  "roles",
  "signIn",
  "overview",
  "outbox",
  "phone",
  "errors",
  "notFound",
  "password",
  "members",
  "invite",
  "audit",
  "operator",
  "orgSettings",
  "signUp",
  "verify",
  "reset",
  "account",
  "import",
  "registers",
  "contacts",
  "privacy",
  "dataRequests",
  "segments",
  "exports",
  "consent",
  "publicForms",
  "personalize",
  "campaigns",
  "smsSenders",
  "smsEditor",
  "render",
  "brand",
  "senders",
  "preflight",
  "editor",
  "images",
  "templates",
  "unsubscribe",
  "reports",
] as const;

export type Messages = Record<string, unknown>;

/** All namespaces of one language, merged. */
export async function loadMessages(locale: "fi" | "en"): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`./${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
