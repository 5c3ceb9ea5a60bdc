/**
 * SMS length and encoding (GSM 03.38). Used by the editor counter and by the sender, so what
 * the user sees is what is sent and billed.
 */
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "^{}\\[~]|€\f";

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type SmsEncoding = "gsm7" | "ucs2";

export type SmsLength = {
  encoding: SmsEncoding;
  /** Characters as the user counts them (code points). */
  characters: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) used. */
  units: number;
  parts: number;
  /** Units per part for this message (160/153 or 70/67). */
  perPart: number;
  /** Code points that forced UCS-2, in order of appearance (deduplicated). */
  nonGsmCharacters: string[];
};

/** The septets a character takes in GSM-7 (1 or 2), or 0 when GSM-7 cannot carry it. */
export function gsm7Septets(ch: string): 0 | 1 | 2 {
  if (basic.has(ch)) return 1;
  if (extension.has(ch)) return 2;
  return 0;
}

/** Encoding, characters and parts of a text. Parts never split an escape pair or a surrogate pair. */
export function smsLength(text: string): SmsLength {
  const chars = Array.from(text);
  const nonGsm = [...new Set(chars.filter((c) => gsm7Septets(c) === 0))];
  if (nonGsm.length === 0) {
    const sizes = chars.map((c) => gsm7Septets(c) as number);
    const units = sizes.reduce((a, b) => a + b, 0);
    const parts = units <= 160 ? (units === 0 ? 0 : 1) : countParts(sizes, 153);
    return {
      encoding: "gsm7",
      characters: chars.length,
      units,
      parts,
      perPart: parts > 1 ? 153 : 160,
      nonGsmCharacters: [],
    };
  }
  const sizes = chars.map((c) => c.length); // UTF-16 code units: 2 for astral characters
  const units = sizes.reduce((a, b) => a + b, 0);
  const parts = units <= 70 ? 1 : countParts(sizes, 67);
  return {
    encoding: "ucs2",
    characters: chars.length,
    units,
    parts,
    perPart: parts > 1 ? 67 : 70,
    nonGsmCharacters: nonGsm,
  };
}

function countParts(sizes: number[], capacity: number): number {
  let parts = 1;
  let used = 0;
  for (const s of sizes) {
    if (used + s > capacity) {
      parts++;
      used = 0;
    }
    used += s;
  }
  return parts;
}
