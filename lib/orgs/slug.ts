/** Top-level paths that are not organisations: no organisation may take these slugs. */
export const RESERVED_SLUGS = new Set([
  "account",
  "api",
  "sign-in",
  "sign-up",
  "sign-out",
  "verify",
  "reset",
  "invite",
  "operator",
  "sandbox",
  "p",
  "r",
  "v",
  "u",
  "t",
  "privacy",
  "help",
  "admin",
  "static",
  "_next",
  "favicon.ico",
  "robots.txt",
]);

/** A URL slug from an organisation name: "Kylä & Kauppa Oy" → "kyla-kauppa-oy". */
export function slugify(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return s.length >= 2 && !RESERVED_SLUGS.has(s) ? s : `org-${s || "x"}`;
}
