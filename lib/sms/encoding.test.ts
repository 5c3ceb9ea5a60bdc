import { describe, expect, it } from "vitest";
import { smsLength } from "./encoding";

const a = (n: number) => "a".repeat(n);

describe("smsLength: GSM-7", () => {
  it("fits 160 plain characters in one part and splits the 161st into two", () => {
    expect(smsLength(a(160))).toMatchObject({
      encoding: "gsm7",
      characters: 160,
      units: 160,
      parts: 1,
      perPart: 160,
    });
    expect(smsLength(a(161))).toMatchObject({
      encoding: "gsm7",
      units: 161,
      parts: 2,
      perPart: 153,
    });
  });

  it("counts 153 characters per part in a multipart message", () => {
    expect(smsLength(a(306)).parts).toBe(2);
    expect(smsLength(a(307)).parts).toBe(3);
    expect(smsLength(a(459)).parts).toBe(3);
    expect(smsLength(a(460)).parts).toBe(4);
  });

  it("keeps Finnish and Swedish letters in GSM-7", () => {
    const len = smsLength("äöÄÖåÅ");
    expect(len).toMatchObject({
      encoding: "gsm7",
      characters: 6,
      units: 6,
      parts: 1,
      nonGsmCharacters: [],
    });
    expect(smsLength(`Hyvää päivää, Åsa! ${a(141)}`)).toMatchObject({
      encoding: "gsm7",
      characters: 160,
      parts: 1,
    });
  });

  it("counts € and the other extension characters as two septets", () => {
    expect(smsLength("€")).toMatchObject({ encoding: "gsm7", characters: 1, units: 2, parts: 1 });
    expect(smsLength("[]{}~^|\\")).toMatchObject({ encoding: "gsm7", characters: 8, units: 16 });
    expect(smsLength("€".repeat(80))).toMatchObject({ units: 160, parts: 1 });
    expect(smsLength("€".repeat(81))).toMatchObject({ units: 162, parts: 2 });
  });

  it("never splits an escape pair across parts", () => {
    // 152 + 2 + 152 = 306 septets would be two parts of 153 if "€" could be split;
    // it moves whole into the second part, which then overflows into a third.
    expect(smsLength(`${a(152)}€${a(152)}`)).toMatchObject({
      encoding: "gsm7",
      units: 306,
      parts: 3,
    });
    expect(smsLength(`${a(151)}€${a(153)}`)).toMatchObject({ units: 306, parts: 2 });
  });

  it("reports nothing to send for empty text", () => {
    expect(smsLength("")).toMatchObject({ characters: 0, units: 0, parts: 0 });
  });
});

describe("smsLength: UCS-2", () => {
  it("switches to UCS-2 for an emoji and names the characters that forced it, once each", () => {
    const len = smsLength("Hei 😀 ja Ж 😀");
    expect(len.encoding).toBe("ucs2");
    expect(len.nonGsmCharacters).toEqual(["😀", "Ж"]);
    expect(len.characters).toBe(12); // the emoji counts as one character for the user
    expect(len.units).toBe(14); // but takes two UTF-16 units
  });

  it("fits 70 units in one part and 67 per part after that", () => {
    expect(smsLength(`Ж${a(69)}`)).toMatchObject({
      encoding: "ucs2",
      units: 70,
      parts: 1,
      perPart: 70,
    });
    expect(smsLength(`Ж${a(70)}`)).toMatchObject({ units: 71, parts: 2, perPart: 67 });
    expect(smsLength(`Ж${a(133)}`)).toMatchObject({ units: 134, parts: 2 });
    expect(smsLength(`Ж${a(134)}`)).toMatchObject({ units: 135, parts: 3 });
  });

  it("never splits an emoji's surrogate pair across parts", () => {
    // 66 + 2 + 66 = 134 units would be two parts of 67 if the emoji could be split.
    expect(smsLength(`${a(66)}😀${a(66)}`)).toMatchObject({
      encoding: "ucs2",
      units: 134,
      parts: 3,
    });
    expect(smsLength(`${a(65)}😀${a(67)}`)).toMatchObject({ units: 134, parts: 2 });
  });
});
