import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the password it hashed and rejects another", async () => {
    const hash = await hashPassword("Salasana-123 äö");
    expect(await verifyPassword("Salasana-123 äö", hash)).toBe(true);
    expect(await verifyPassword("Salasana-124 äö", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("stores scrypt parameters, salt and key, never the password itself", async () => {
    const hash = await hashPassword("hunter2hunter2");
    expect(hash.startsWith("scrypt$")).toBe(true);
    expect(hash.split("$")).toHaveLength(6);
    expect(hash).not.toContain("hunter2");
  });

  it("salts every hash: the same password hashes differently each time", async () => {
    const [a, b] = await Promise.all([
      hashPassword("sama salasana"),
      hashPassword("sama salasana"),
    ]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("sama salasana", a)).toBe(true);
    expect(await verifyPassword("sama salasana", b)).toBe(true);
  });

  it("accepts the same password typed in another Unicode normal form", async () => {
    const composed = "Pääsy".normalize("NFC");
    const decomposed = "Pääsy".normalize("NFD");
    expect(composed).not.toBe(decomposed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it("returns false for a tampered or malformed hash instead of throwing", async () => {
    const hash = await hashPassword("oikea salasana");
    const [alg, n, r, p, salt, key] = hash.split("$") as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const flipped = (key[0] === "A" ? "B" : "A") + key.slice(1);
    const tampered = [
      [alg, n, r, p, salt, flipped].join("$"), // key changed
      [alg, n, r, p, "c2FsdA", key].join("$"), // salt changed
      [alg, "abc", r, p, salt, key].join("$"), // N not a number
      [alg, "3", r, p, salt, key].join("$"), // N not a power of two
      [alg, String(2 ** 40), r, p, salt, key].join("$"), // absurd cost
      [alg, String(2 ** 24), r, p, salt, key].join("$"), // 16 GiB of memory
      [alg, n, r, "100000", salt, key].join("$"), // minutes of CPU
      [alg, n, "0", p, salt, key].join("$"), // r out of range
      [alg, n, r, p, salt, "!!!"].join("$"), // key not base64url: decodes to nothing
      [alg, n, r, p, salt, "AAAA"].join("$"), // key cut short
      ["bcrypt", n, r, p, salt, key].join("$"),
      "scrypt$",
      "",
      "not a hash",
    ];
    for (const stored of tampered) {
      await expect(verifyPassword("oikea salasana", stored), stored).resolves.toBe(false);
    }
  });
});
