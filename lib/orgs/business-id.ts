/**
 * Finnish business ID (Y-tunnus) "1234567-8": seven digits, a dash and a check digit computed
 * with weights 7, 9, 10, 5, 8, 4, 2 modulo 11 (remainder 1 is never issued).
 */
export function isValidBusinessId(value: string): boolean {
  const m = /^(\d{6,7})-(\d)$/.exec(value.trim());
  if (!m) return false;
  const digits = m[1]!.padStart(7, "0");
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  const rem = sum % 11;
  if (rem === 1) return false;
  return (rem === 0 ? 0 : 11 - rem) === Number(m[2]);
}
