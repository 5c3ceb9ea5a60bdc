import { describe, expect, it } from "vitest";
import { normalizeHeader, suggestMapping, type MappingTarget } from "./mapping";

const BUILT_INS: MappingTarget[] = [
  { key: "email", label: "Sähköposti", type: "email" },
  { key: "phone", label: "Puhelin", type: "phone" },
  { key: "first_name", label: "Etunimi", type: "text" },
  { key: "last_name", label: "Sukunimi", type: "text" },
];
const CUSTOM: MappingTarget[] = [
  { key: "c_city", label: "Kaupunki", type: "text" },
  { key: "c_interests", label: "Kiinnostuksen kohteet", type: "multi_choice" },
  { key: "c_member_no", label: "Jäsennumero", type: "number" },
];
const TARGETS = [...BUILT_INS, ...CUSTOM];

describe("normalizeHeader", () => {
  it("ignores case, diacritics and separators", () => {
    expect(normalizeHeader(" SÄHKÖ-posti ")).toBe("sahkoposti");
    expect(normalizeHeader("first_name")).toBe(normalizeHeader("First Name"));
  });
});

describe("suggestMapping", () => {
  it("maps Finnish headers to the built-in columns", () => {
    const header = ["Etunimi", "Sukunimi", "S-posti", "Matkapuhelin", "Kaupunki"];
    expect(suggestMapping(header, TARGETS)).toEqual([
      "first_name",
      "last_name",
      "email",
      "phone",
      "c_city",
    ]);
  });

  it("maps English headers, in any case and with underscores", () => {
    const header = ["E-mail", "MOBILE", "first_name", "Surname", "Notes"];
    expect(suggestMapping(header, TARGETS)).toEqual([
      "email",
      "phone",
      "first_name",
      "last_name",
      null,
    ]);
  });

  it("matches custom columns by label without diacritics, spaces or dashes", () => {
    const header = ["jasennumero", "KIINNOSTUKSEN_KOHTEET", "sahkopostiosoite", "gsm"];
    expect(suggestMapping(header, TARGETS)).toEqual([
      "c_member_no",
      "c_interests",
      "email",
      "phone",
    ]);
  });

  it("never maps two headers to one target; an exact match beats a partial one", () => {
    const header = ["Asiakkaan sähköposti", "Sähköposti", "Puh", "Puhelinnumero"];
    expect(suggestMapping(header, TARGETS)).toEqual([null, "email", "phone", null]);
  });

  it("falls back to a header that contains a synonym", () => {
    expect(suggestMapping(["Asiakkaan sähköposti", "Nimi"], TARGETS)).toEqual(["email", null]);
  });

  it("leaves a column unmapped when the register has no such target", () => {
    expect(suggestMapping(["Sähköposti", "Puhelin"], [BUILT_INS[0]!])).toEqual(["email", null]);
  });
});
