/**
 * Suggests which register column each CSV header column goes to. Built-in columns are matched by
 * Finnish and English synonyms, custom columns by their label (and key), compared after
 * normalising case, diacritics and separators, so "Sähköposti", "sahkoposti" and "SÄHKÖ-POSTI"
 * are the same header.
 */
export type MappingTarget = { key: string; label: string; type: string };

/** Synonyms of the built-in columns, as people write them in Finnish and English files. */
export const BUILT_IN_SYNONYMS: Record<string, readonly string[]> = {
  email: [
    "sähköposti",
    "sähköpostiosoite",
    "s-posti",
    "sposti",
    "email",
    "e-mail",
    "email address",
    "e-mail address",
    "mail",
  ],
  phone: [
    "puhelin",
    "puh",
    "puh.",
    "puhelinnumero",
    "matkapuhelin",
    "matkapuhelinnumero",
    "gsm",
    "kännykkä",
    "phone",
    "phone number",
    "mobile",
    "mobile phone",
    "telephone",
  ],
  first_name: ["etunimi", "etunimet", "first name", "firstname", "given name", "forename"],
  last_name: ["sukunimi", "last name", "lastname", "surname", "family name"],
};

/** Lower case, without diacritics (ä → a, ö → o, å → a), with spaces, _, - and . removed. */
export function normalizeHeader(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s_\-.]+/g, "");
}

/** The normalised names a target answers to: its key, its label and, for built-ins, synonyms. */
function namesOf(target: MappingTarget): Set<string> {
  const names = [target.key, target.label, ...(BUILT_IN_SYNONYMS[target.key] ?? [])];
  return new Set(names.map(normalizeHeader).filter(Boolean));
}

/**
 * For each header column, the key of the best-matching target or null. Exact matches on a name
 * come first; a header that merely contains a synonym (e.g. "Asiakkaan sähköposti") is used only
 * when nothing matched exactly. No target is suggested for two header columns (the first wins).
 */
export function suggestMapping(header: string[], targets: MappingTarget[]): (string | null)[] {
  const names = targets.map((t) => ({ key: t.key, names: namesOf(t) }));
  const normalized = header.map(normalizeHeader);
  const result: (string | null)[] = header.map(() => null);
  const used = new Set<string>();

  const assign = (matches: (h: string, n: Set<string>) => boolean) => {
    normalized.forEach((h, i) => {
      if (result[i] !== null || !h) return;
      const hit = names.find((t) => !used.has(t.key) && matches(h, t.names));
      if (hit) {
        result[i] = hit.key;
        used.add(hit.key);
      }
    });
  };
  assign((h, n) => n.has(h));
  // Containment only for names of 4+ characters, so "puh" does not match "puhelinluettelo".
  assign((h, n) => [...n].some((name) => name.length >= 4 && h.includes(name)));
  return result;
}
