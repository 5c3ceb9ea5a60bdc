import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages, NAMESPACES } from "@/messages";

const keys = (o: unknown, prefix = ""): string[] =>
  o && typeof o === "object"
    ? Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe("message catalogues", () => {
  it("English has exactly the keys of Finnish (complete translation)", async () => {
    const [fi, en] = await Promise.all([loadMessages("fi"), loadMessages("en")]);
    expect(keys(en).sort()).toEqual(keys(fi).sort());
  });

  it("every namespace file is listed in the loader", () => {
    for (const locale of ["fi", "en"]) {
      const files = readdirSync(path.resolve(import.meta.dirname, "../../messages", locale)).map((f) => f.replace(/\.json$/, ""));
      expect(files.sort()).toEqual([...NAMESPACES].sort());
    }
  });
});
