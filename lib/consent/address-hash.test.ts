import { describe, expect, it } from "vitest";
import { addressHash, normalizeAddress } from "./address-hash";

describe("address hashes for suppressions", () => {
  it("treats e-mail case-insensitively and phones by E.164", () => {
    expect(normalizeAddress("email", " Maija@Example.FI ")).toBe("maija@example.fi");
    expect(addressHash("email", "Maija@example.fi")).toBe(addressHash("email", "maija@example.fi"));
    expect(normalizeAddress("sms", "040 123 4567")).toBe("+358401234567");
    expect(addressHash("sms", "+358401234567")).not.toBe(addressHash("email", "+358401234567"));
    expect(normalizeAddress("email", "not an address")).toBeNull();
  });
});
