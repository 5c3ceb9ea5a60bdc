import { describe, expect, it } from "vitest";
import { isShortCode, normalizePhone, senderProblem } from "./phone";

describe("normalizePhone", () => {
  it.each([
    "040 123 4567",
    "040-1234567",
    "+358 40 123 4567",
    "00358401234567",
    "358401234567",
    " (040) 123.4567 ",
  ])("reads %j as +358401234567", (input) => {
    expect(normalizePhone(input)).toBe("+358401234567");
  });

  it("keeps foreign numbers in E.164", () => {
    expect(normalizePhone("+46 70 123 45 67")).toBe("+46701234567");
    expect(normalizePhone("0046701234567")).toBe("+46701234567");
  });

  it.each(["abc", "123", "", "+", "040 123 abc", "+0401234567", "+3584012345678901"])(
    "rejects %j",
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );
});

describe("isShortCode", () => {
  it("accepts service numbers and rejects text", () => {
    expect(isShortCode("18230")).toBe(true);
    expect(isShortCode("12")).toBe(false);
    expect(isShortCode("Viestikone")).toBe(false);
  });
});

describe("senderProblem", () => {
  it.each(["Viestikone", "Kauppa 24", "+358401234567", "18230", "A", "Abcdefghijk"])(
    "accepts %j",
    (sender) => {
      expect(senderProblem(sender)).toBeNull();
    },
  );

  it("names the first character a sender name cannot contain", () => {
    expect(senderProblem("Ääkkönen")).toEqual({ code: "BAD_CHARACTER", character: "Ä" });
    expect(senderProblem("Liian pitkä nimi")).toEqual({ code: "BAD_CHARACTER", character: "ä" });
    expect(senderProblem("Kauppa&Co")).toEqual({ code: "BAD_CHARACTER", character: "&" });
  });

  it("rejects a name longer than 11 characters", () => {
    expect(senderProblem("LiianPitkaNimi")).toEqual({ code: "TOO_LONG" });
    expect(senderProblem("Abcdefghijkl")).toEqual({ code: "TOO_LONG" });
  });

  it("rejects a name without letters that is not a number either", () => {
    expect(senderProblem("12345 678")).toEqual({ code: "NO_LETTER" });
  });

  it("rejects an empty sender", () => {
    expect(senderProblem("")).toEqual({ code: "EMPTY" });
    expect(senderProblem("   ")).toEqual({ code: "EMPTY" });
  });
});
