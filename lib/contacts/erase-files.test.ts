import { describe, expect, it } from "vitest";
import { addressHash } from "@/lib/consent/address-hash";
import { cellMentions } from "./erase-files";

const hashes = new Set([
  addressHash("email", "maija@example.fi"),
  addressHash("sms", "+358401112222"),
]);

describe("cellMentions", () => {
  it("finds the e-mail address in any case, inside text and as a mailto link", () => {
    for (const cell of [
      "maija@example.fi",
      "MAIJA@Example.FI",
      "Maija Meikäläinen <maija@example.fi>",
      "mailto:maija@example.fi",
      "yhteys: maija@example.fi.",
      "x@y.fi, maija@example.fi",
    ])
      expect(cellMentions(cell, hashes), cell).toBe(true);
  });

  it("finds the phone number in every format the import accepts, and without its leading 0", () => {
    for (const cell of [
      "040 111 2222",
      "040-1112222",
      "+358 40 111 2222",
      "00358401112222",
      "358401112222",
      "401112222",
    ])
      expect(cellMentions(cell, hashes), cell).toBe(true);
  });

  it("does not match other people, numbers or dates", () => {
    for (const cell of [
      "maija@example.com",
      "amaija@example.fi",
      "040 111 2223",
      "00100",
      "1.2.1980",
      "12345,50",
      "",
      "Helsinki",
    ])
      expect(cellMentions(cell, hashes), cell).toBe(false);
  });
});
