/**
 * The password policy (FEATURES.md A4) as one pure module: the browser form uses it for the live
 * checklist and the server for validation, so the same inputs always give the same verdict.
 * Only ECMAScript built-ins are used (no Node APIs, no DOM), so it bundles for both.
 *
 * How the input is read:
 * - The password is NFC-normalised first (as `hashPassword` does before hashing). "Characters" are
 *   Unicode code points of that NFC string, so "Ä" counts as one whether typed composed or not.
 * - Case-insensitive comparisons use `fold(s) = s.normalize("NFC").toLocaleLowerCase("fi")`.
 *
 * The rules (true = satisfied):
 * - length:    10 ≤ code points ≤ 256.
 * - upper:     at least one \p{Lu} (so "Ä", "Ö", "Å" count).
 * - lower:     at least one \p{Ll}.
 * - digit:     at least one \p{Nd}.
 * - name:      the folded password contains no three consecutive letters of the first or last name.
 *              Each name is folded and split into runs of letters ([\p{L}\p{M}]+; hyphens,
 *              spaces, apostrophes etc. separate runs), and every 3-code-point substring of each
 *              run is forbidden anywhere in the folded password. "Anna-Liisa" forbids ann, nna,
 *              lii, iis, isa; runs shorter than 3 ("Li", "Jo") forbid nothing. No diacritic
 *              folding: "Jääskeläinen" forbids "jää", not "jaa".
 * - common:    the folded password is not in COMMON_PASSWORDS, and neither is any string obtained
 *              from it by removing one or more trailing characters of the classes \p{N}, \p{P}, \p{S}
 *              or \p{Z} (numbers, punctuation, symbols, spaces). So "Password123!" is checked as
 *              "password123!", "password123", "password12", "password1" and "password"; a listed
 *              word followed by any digits/punctuation is rejected. Only trailing characters are
 *              removed; leading ones and letters never are, and no leetspeak mapping is done (the
 *              list itself holds the usual "p@ssw0rd" style spellings).
 * - printable: no character of \p{Cc} (C0/C1 controls, DEL), \p{Cs} (lone surrogates), \p{Zl} or
 *              \p{Zp} (line/paragraph separators). Everything else is allowed: spaces, emoji,
 *              any script, any punctuation. Unassigned code points are deliberately not rejected:
 *              that set depends on the Unicode version of the JavaScript engine, and the browser
 *              and the server must agree.
 */
import { COMMON_PASSWORDS, COMMON_PASSWORD_MAX_CODE_POINTS } from "./common-passwords";

export type PasswordRule = "length" | "upper" | "lower" | "digit" | "name" | "common" | "printable";
export type PasswordContext = { firstName?: string | null; lastName?: string | null };
export type PasswordVerdict = { ok: boolean; rules: Record<PasswordRule, boolean> };
/** An i18n key of the `password` namespace naming a failed rule. */
export type PasswordErrorKey = `password.rules.${PasswordRule}`;

/** Every rule, in the order the checklist shows them and `passwordErrors` reports them. */
export const PASSWORD_RULES: readonly PasswordRule[] = [
  "length",
  "upper",
  "lower",
  "digit",
  "name",
  "common",
  "printable",
];
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
const NOT_PRINTABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/u;
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const ALL_STRIPPABLE = /^[\p{N}\p{P}\p{S}\p{Z}]*$/u;

/** NFC + Finnish lower case: the one case folding used for names and the common-password list. */
export const fold = (s: string): string => s.normalize("NFC").toLocaleLowerCase("fi");

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++; // a surrogate pair is one code point
    }
  }
  return n;
}

/** The forbidden 3-letter sequences of one name (folded). */
function nameTrigrams(name: string | null | undefined): string[] {
  if (typeof name !== "string") return [];
  const out = new Set<string>();
  for (const run of fold(name).match(LETTER_RUN) ?? []) {
    const cps = Array.from(run);
    for (let i = 0; i + 3 <= cps.length; i++) out.add(cps.slice(i, i + 3).join(""));
  }
  return [...out];
}

/** True when the folded password, or it less any number of trailing N/P/S/Z characters, is listed. */
function isCommon(folded: string): boolean {
  // Only prefixes of at most COMMON_PASSWORD_MAX_CODE_POINTS can be listed: split those off, and
  // the rest (if any) must be strippable as a whole, so a huge input costs one regex scan.
  const head: string[] = [];
  let headUnits = 0;
  for (const c of folded) {
    if (head.length === COMMON_PASSWORD_MAX_CODE_POINTS) break;
    head.push(c);
    headUnits += c.length;
  }
  if (!ALL_STRIPPABLE.test(folded.slice(headUnits))) return false;
  for (let end = head.length; end > 0; end--) {
    if (COMMON_PASSWORDS.has(head.slice(0, end).join(""))) return true;
    if (!ALL_STRIPPABLE.test(head[end - 1]!)) return false;
  }
  return false;
}

/** Checks a password against every rule; `ok` is true when all rules are satisfied. */
export function checkPassword(password: string, ctx: PasswordContext = {}): PasswordVerdict {
  const pw = typeof password === "string" ? password.normalize("NFC") : "";
  const folded = fold(pw);
  const length = codePoints(pw);
  const forbidden = [...nameTrigrams(ctx?.firstName), ...nameTrigrams(ctx?.lastName)];
  const rules: Record<PasswordRule, boolean> = {
    length: length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH,
    upper: UPPER.test(pw),
    lower: LOWER.test(pw),
    digit: DIGIT.test(pw),
    name: !forbidden.some((t) => folded.includes(t)),
    common: !isCommon(folded),
    printable: !NOT_PRINTABLE.test(pw),
  };
  return { ok: PASSWORD_RULES.every((r) => rules[r]), rules };
}

/** The failed rules as i18n keys ("password.rules.<rule>"), in PASSWORD_RULES order; empty when ok. */
export function passwordErrors(password: string, ctx: PasswordContext = {}): PasswordErrorKey[] {
  const { rules } = checkPassword(password, ctx);
  return PASSWORD_RULES.filter((r) => !rules[r]).map(
    (r): PasswordErrorKey => `password.rules.${r}`,
  );
}
