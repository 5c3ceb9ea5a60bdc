import { readdirSync, readFileSync } from "node:fs";
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
      const files = readdirSync(path.resolve(import.meta.dirname, "../../messages", locale)).map(
        (f) => f.replace(/\.json$/, ""),
      );
      expect(files.sort()).toEqual([...NAMESPACES].sort());
    }
  });

  it("no catalogue repeats a key (JSON.parse would silently keep only the last one)", () => {
    for (const locale of ["fi", "en"]) {
      const dir = path.resolve(import.meta.dirname, "../../messages", locale);
      for (const file of readdirSync(dir)) {
        // Pretty-printed files: a key's parent is the nearest less-indented key above it.
        const seen = new Map<string, number>();
        const parents: string[] = [];
        for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
          const m = /^(\s*)"([^"]+)":/.exec(line);
          if (!m) continue;
          const depth = m[1]!.length;
          parents.length = depth;
          const id = `${parents.filter(Boolean).join(".")}.${m[2]}`;
          seen.set(id, (seen.get(id) ?? 0) + 1);
          parents[depth] = m[2]!;
        }
        const dups = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
        expect(dups, `${locale}/${file}`).toEqual([]);
      }
    }
  });
});
