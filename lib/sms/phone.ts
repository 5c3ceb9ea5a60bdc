/**
 * Phone numbers in E.164. Finnish ways of writing are accepted: "040 123 4567",
 * "040-1234567", "+358 40 123 4567", "00358401234567".
 */
export function normalizePhone(input: string): string | null {
  let s = input.trim().replace(/[\s\-().]/g, "");
  if (s.startsWith("00")) s = `+${s.slice(2)}`;
  else if (s.startsWith("0")) s = `+358${s.slice(1)}`;
  else if (!s.startsWith("+") && s.startsWith("358")) s = `+${s}`;
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : null;
}

/** A short code or service number that messages are sent to (e.g. 18230, 16320, 16200). */
export const isShortCode = (s: string) => /^\d{3,15}$/.test(s.trim());

export type SenderProblem = {
  code: "EMPTY" | "TOO_LONG" | "BAD_CHARACTER" | "NO_LETTER";
  character?: string;
};

/**
 * Alphanumeric sender: 1–11 of A–Z a–z 0–9 and space with at least one letter; or a number.
 * Returns the problem (naming the offending character) or null when valid.
 */
export function senderProblem(sender: string): SenderProblem | null {
  const s = sender.trim();
  if (!s) return { code: "EMPTY" };
  if (/^\+?\d{3,15}$/.test(s)) return null;
  const bad = Array.from(s).find((c) => !/[A-Za-z0-9 ]/.test(c));
  if (bad) return { code: "BAD_CHARACTER", character: bad };
  if (s.length > 11) return { code: "TOO_LONG" };
  if (!/[A-Za-z]/.test(s)) return { code: "NO_LETTER" };
  return null;
}
