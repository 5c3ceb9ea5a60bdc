import { describe, expect, it } from "vitest";
import { parseDate, parseValue } from "./values";

const col = (type: Parameters<typeof parseValue>[0]["type"], extra = {}) => ({ type, ...extra });

describe("parseValue", () => {
  it("empty is null, or required when the column is required", () => {
    expect(parseValue(col("text"), "  ")).toEqual({ ok: true, value: null });
    expect(parseValue(col("text", { required: true }), null)).toEqual({
      ok: false,
      error: "registers.values.required",
    });
    expect(parseValue(col("multi_choice", { options: ["a"], required: true }), [])).toMatchObject({
      ok: false,
    });
  });

  it("numbers accept the Finnish decimal comma and reject words", () => {
    expect(parseValue(col("number"), "12,5")).toEqual({ ok: true, value: 12.5 });
    expect(parseValue(col("number"), "1 000")).toEqual({ ok: true, value: 1000 });
    expect(parseValue(col("number"), "-3.25")).toEqual({ ok: true, value: -3.25 });
    expect(parseValue(col("number"), "kaksi")).toEqual({
      ok: false,
      error: "registers.values.number",
    });
  });

  it("dates accept d.m.yyyy and ISO, reject impossible days", () => {
    expect(parseValue(col("date"), "1.2.2024")).toEqual({ ok: true, value: "2024-02-01" });
    expect(parseValue(col("date"), "2024-02-29")).toEqual({ ok: true, value: "2024-02-29" });
    expect(parseDate("29.2.2023")).toBeNull();
    expect(parseValue(col("date"), "2024/01/01")).toMatchObject({ ok: false });
  });

  it("booleans accept Finnish and English words", () => {
    expect(parseValue(col("boolean"), "Kyllä")).toEqual({ ok: true, value: true });
    expect(parseValue(col("boolean"), "ei")).toEqual({ ok: true, value: false });
    expect(parseValue(col("boolean"), "true")).toEqual({ ok: true, value: true });
    expect(parseValue(col("boolean"), "ehkä")).toMatchObject({ ok: false });
  });

  it("choices must be one of the options (case-insensitively, stored as the option)", () => {
    const single = col("single_choice", { options: ["Helsinki", "Espoo"] });
    expect(parseValue(single, "helsinki")).toEqual({ ok: true, value: "Helsinki" });
    expect(parseValue(single, "Turku")).toEqual({ ok: false, error: "registers.values.choice" });
    const multi = col("multi_choice", { options: ["golf", "tennis", "uinti"] });
    expect(parseValue(multi, "golf; Tennis")).toEqual({ ok: true, value: ["golf", "tennis"] });
    expect(parseValue(multi, ["uinti", "uinti"])).toEqual({ ok: true, value: ["uinti"] });
    expect(parseValue(multi, ["golf", "curling"])).toMatchObject({ ok: false });
  });

  it("e-mail, phone and postal code are validated and normalised", () => {
    expect(parseValue(col("email"), " Matti@Example.FI ")).toEqual({
      ok: true,
      value: "Matti@example.fi",
    });
    expect(parseValue(col("email"), "matti@")).toMatchObject({ ok: false });
    expect(parseValue(col("phone"), "040 123 4567")).toEqual({ ok: true, value: "+358401234567" });
    expect(parseValue(col("phone"), "12")).toEqual({ ok: false, error: "registers.values.phone" });
    expect(parseValue(col("postal_code"), "00100")).toEqual({ ok: true, value: "00100" });
    expect(parseValue(col("postal_code"), "100")).toMatchObject({ ok: false });
  });

  it("text is trimmed and limited in length", () => {
    expect(parseValue(col("text"), "  moi ")).toEqual({ ok: true, value: "moi" });
    expect(parseValue(col("text"), "x".repeat(2001))).toMatchObject({ ok: false });
  });
});
