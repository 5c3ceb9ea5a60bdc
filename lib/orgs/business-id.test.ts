import { describe, expect, it } from "vitest";
import { isValidBusinessId } from "./business-id";

/** The check digit by hand: weights 7 9 10 5 8 4 2, modulo 11 (independent of the code under test). */
function checkDigit(seven: string): number | null {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const rem = [...seven].reduce((s, d, i) => s + Number(d) * weights[i]!, 0) % 11;
  return rem === 1 ? null : rem === 0 ? 0 : 11 - rem;
}

describe("isValidBusinessId", () => {
  it.each(["1234567-1", "7654321-2", "0737546-2", "0112038-9", " 0112038-9 "])(
    "accepts %j",
    (id) => {
      expect(isValidBusinessId(id)).toBe(true);
    },
  );

  it("agrees with the check digits computed by hand", () => {
    expect(checkDigit("1234567")).toBe(1);
    expect(checkDigit("7654321")).toBe(2);
    expect(checkDigit("0737546")).toBe(2);
    expect(checkDigit("0112038")).toBe(9); // Nokia Oyj
  });

  it("rejects every wrong check digit", () => {
    for (const [body, right] of [
      ["1234567", 1],
      ["0112038", 9],
    ] as const) {
      for (let d = 0; d <= 9; d++)
        expect(isValidBusinessId(`${body}-${d}`), `${body}-${d}`).toBe(d === right);
    }
  });

  it("uses check digit 0 when the weighted sum is divisible by 11", () => {
    expect(checkDigit("1000002")).toBe(0); // 7 + 4 = 11
    expect(isValidBusinessId("1000002-0")).toBe(true);
    expect(isValidBusinessId("1000002-1")).toBe(false);
  });

  it("rejects IDs whose remainder is 1 with any check digit (never issued)", () => {
    expect(checkDigit("0000006")).toBeNull(); // 6 × 2 = 12 ≡ 1 (mod 11)
    for (let d = 0; d <= 9; d++) expect(isValidBusinessId(`0000006-${d}`)).toBe(false);
  });

  it.each([
    "",
    "12345671",
    "1234567 1",
    "1234567-",
    "1234567-12",
    "12345-6",
    "123456a-1",
    "abcdefg-h",
    "FI12345671",
    "1234567–1",
  ])("rejects the malformed %j", (id) => {
    expect(isValidBusinessId(id)).toBe(false);
  });
});
