import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS, COMMON_PASSWORD_MAX_CODE_POINTS } from "./common-passwords";
import {
  checkPassword,
  fold,
  PASSWORD_RULES,
  passwordErrors,
  type PasswordRule,
} from "./password-policy";

const STRONG = "Vuorenhuippu#Kettu7";
const failed = (pw: string, ctx: Parameters<typeof checkPassword>[1] = {}) => {
  const { rules } = checkPassword(pw, ctx);
  return PASSWORD_RULES.filter((r) => !rules[r]);
};

describe("password policy: the verdict", () => {
  it("passes a strong password and reports every rule as satisfied", () => {
    const v = checkPassword(STRONG, { firstName: "Matti", lastName: "Virtanen" });
    expect(v.ok).toBe(true);
    expect(Object.keys(v.rules).sort()).toEqual([...PASSWORD_RULES].sort());
    expect(Object.values(v.rules).every(Boolean)).toBe(true);
    expect(passwordErrors(STRONG, { firstName: "Matti", lastName: "Virtanen" })).toEqual([]);
  });

  it("passes a long strong passphrase (256 characters) and rejects one character more", () => {
    const phrase = "Kesäyön-Sininen-Hetki-7 ".repeat(20).slice(0, 256);
    expect([...phrase]).toHaveLength(256);
    expect(checkPassword(phrase, {}).ok).toBe(true);
    expect(failed(`${phrase}x`)).toEqual(["length"]);
  });

  it("reports failed rules as i18n keys, in rule order", () => {
    expect(passwordErrors("", {})).toEqual([
      "password.rules.length",
      "password.rules.upper",
      "password.rules.lower",
      "password.rules.digit",
    ]);
    expect(passwordErrors("salasana", { firstName: "Sanna" })).toEqual([
      "password.rules.length",
      "password.rules.upper",
      "password.rules.digit",
      "password.rules.name",
      "password.rules.common",
    ]);
  });

  it("is ok exactly when no rule failed", () => {
    for (const pw of ["", "a", STRONG, "Salasana123!", "Abcdefghi1", "Ä\u0000bcdefghij1"]) {
      const v = checkPassword(pw, { firstName: "Ari" });
      expect(v.ok).toBe(Object.values(v.rules).every(Boolean));
      expect(v.ok).toBe(passwordErrors(pw, { firstName: "Ari" }).length === 0);
    }
  });
});

describe("password policy: length", () => {
  it("needs at least 10 characters", () => {
    expect(failed("Ab1xyzwvu")).toEqual(["length"]);
    expect(failed("Ab1xyzwvut")).toEqual([]);
  });

  it("counts code points of the NFC form: a decomposed Ä is one character", () => {
    const decomposed = "A\u0308bc1xyzwv"; // "Äbc1xyzwv": 9 characters, 10 code units
    expect(failed(decomposed)).toEqual(["length"]);
    expect(failed("😀😀😀😀😀😀😀Ab1")).toEqual([]); // emoji are one character each (two code units)
    expect(failed("😀😀😀😀😀😀Ab1")).toEqual(["length"]);
  });

  it("rejects more than 256 characters", () => {
    const long = `Ab1${"x".repeat(253)}`;
    expect(checkPassword(long, {}).rules.length).toBe(true);
    expect(checkPassword(`${long}y`, {}).rules.length).toBe(false);
  });
});

describe("password policy: character classes (Unicode-aware)", () => {
  it("needs an upper-case letter", () => {
    expect(failed("kettupuu12")).toEqual(["upper"]);
    expect(failed("Äettupuu12")).toEqual([]);
    expect(failed("Ωmega-tähti12")).toEqual([]);
  });

  it("needs a lower-case letter", () => {
    expect(failed("KETTUPUU12")).toEqual(["lower"]);
    expect(failed("KETTUPUU1ö")).toEqual([]);
    expect(failed("ÅÄÖÜßÉ-123")).toEqual([]); // ß is lower-case
  });

  it("needs a digit", () => {
    expect(failed("Kettupuuxy")).toEqual(["digit"]);
    expect(failed("Kettupuux٣")).toEqual([]); // Arabic-Indic three is \p{Nd}
    expect(failed("Kettupuux½")).toEqual(["digit"]); // a vulgar fraction is not a decimal digit
  });
});

describe("password policy: printable characters", () => {
  it("allows any printable character: spaces, punctuation, symbols, emoji, other scripts", () => {
    for (const pw of [
      "Kuu ja tähti 42",
      "Ab1 !\"#¤%&/()=?`´^¨~*'<>|",
      "Ab1€£$¥§½©®™",
      "Ab1😀🦊 ❄️ emoji",
      "Ab1 日本語 русский ελληνικά",
    ]) {
      expect(checkPassword(pw, {}).rules.printable, pw).toBe(true);
    }
    expect(checkPassword("Ab1\u200dtwelve-x", {}).rules.printable).toBe(true); // zero-width joiner (emoji sequences)
  });

  it("rejects control characters, lone surrogates and line/paragraph separators", () => {
    for (const c of [
      "\u0000",
      "\t",
      "\n",
      "\r",
      "\u001b",
      "\u007f",
      "\u0085",
      "\u009f",
      "\u2028",
      "\u2029",
      "\ud800",
      "\udfff",
    ]) {
      expect(failed(`Ab1defghij${c}`), JSON.stringify(c)).toEqual(["printable"]);
    }
  });
});

describe("password policy: names", () => {
  it("forbids any three consecutive letters of the first name, anywhere", () => {
    for (const pw of ["Xmat9-Kettu", "Katti9-Kettu", "Xtti9-Kettuu", "Kettu-9-matTI"]) {
      expect(failed(pw, { firstName: "Matti" }), pw).toEqual(["name"]);
    }
    expect(failed("Ma-ti9-Kettu", { firstName: "Matti" })).toEqual([]); // "ma", "ti": no three in a row
  });

  it("forbids three consecutive letters of the last name too", () => {
    expect(failed("Kettu-Vir-9", { lastName: "Virtanen" })).toEqual(["name"]);
    expect(failed("Kettu-NEN-9", { lastName: "Virtanen" })).toEqual(["name"]);
    expect(failed("Kettu-Vi-9x", { lastName: "Virtanen" })).toEqual([]);
  });

  it("compares case-insensitively, in both directions", () => {
    expect(failed("XXMATTIXX9x", { firstName: "matti" })).toEqual(["name"]);
    expect(failed("xxmattixx9X", { firstName: "MATTI" })).toEqual(["name"]);
  });

  it("handles Ä/Ö names with Unicode case folding and NFC", () => {
    expect(failed("Kettu-ÄÄR-9", { lastName: "Ääritalo" })).toEqual(["name"]);
    expect(failed("Kettu-kÖl-9", { firstName: "Sölve", lastName: "Kölli" })).toEqual(["name"]);
    expect(failed("Kettu-ärI-9", { lastName: "A\u0308a\u0308ritalo" })).toEqual(["name"]); // decomposed name
    expect(failed("Kettu-aar-9", { lastName: "Ääritalo" })).toEqual([]); // no diacritic folding
  });

  it("checks each letter run of hyphenated, spaced and apostrophed names separately", () => {
    const ctx = { firstName: "Anna-Liisa", lastName: "O'Brien" };
    for (const pw of [
      "Kettu-ANN-9",
      "Kettu-nna-9",
      "Kettu-lii-9",
      "Kettu-isa-9",
      "Kettu-bri-9",
      "Kettu-ien-9",
    ]) {
      expect(failed(pw, ctx), pw).toEqual(["name"]);
    }
    // Across the hyphen or apostrophe is not a sequence of the name.
    for (const pw of ["Kettu-nal-9", "Kettu-ali-9", "Kettu-obr-9"]) {
      expect(failed(pw, ctx), pw).toEqual([]);
    }
    expect(failed("Kettu-ari-9", { firstName: "Juha Pekka", lastName: "Mäki Ari" })).toEqual([
      "name",
    ]);
  });

  it("gives no rule for names (or runs) shorter than three letters, empty or missing names", () => {
    expect(failed("Lil-Joo-99x", { firstName: "Li", lastName: "Jo" })).toEqual([]);
    expect(failed("Kettu-Ed-9x", { firstName: "Ed-Li" })).toEqual([]);
    expect(failed(STRONG, { firstName: "", lastName: "" })).toEqual([]);
    expect(failed(STRONG, { firstName: "-- 12 --" })).toEqual([]);
    expect(failed(STRONG, { firstName: undefined, lastName: null })).toEqual([]);
    expect(failed(STRONG)).toEqual([]);
  });
});

describe("password policy: common passwords", () => {
  it("rejects listed passwords, case-insensitively", () => {
    for (const pw of [
      "password",
      "PASSWORD",
      "Salasana",
      "salasana",
      "qwerty",
      "perkele",
      "Suomi100",
      "kissa123",
      "iloveyou",
      "HYVÄÄ PÄIVÄÄ",
      "hyväÄpäivää",
    ]) {
      expect(checkPassword(pw, {}).rules.common, pw).toBe(false);
    }
  });

  it("rejects listed words followed by digits, punctuation, symbols or spaces", () => {
    for (const pw of [
      "Password123!",
      "Password1!",
      "Salasana12",
      "Salasana2024!",
      "Kissa123!!",
      "Qwerty12345",
      "Perkele!!11",
      "Suomi100##",
      "Suomi-2017",
      "Matti1985!",
      "Sunshine 2020",
      "Hyvää päivää 1",
      "Iloveyou€€1",
      "Juhannus2026!",
    ]) {
      expect(failed(pw), pw).toEqual(["common"]);
    }
  });

  it("catches season/month + year patterns generated for 2000–2030, both ways round", () => {
    for (const pw of [
      "Kesä2024!!",
      "2024Kesä!!",
      "Talvi2030?",
      "2005Syksy!",
      "Kevät2019..",
      "Joulukuu2023",
      "Summer2021!",
    ]) {
      expect(checkPassword(pw, {}).rules.common, pw).toBe(false);
    }
  });

  it("catches keyboard walks and repeats", () => {
    for (const pw of [
      "Qwertyuiop1",
      "1qaz2wsx3edc",
      "Asdfghjklöä1",
      "1q2w3e4r5t6y",
      "Aaaaaaaaaa1",
      "Zxcvbnm,.-1",
      "Abcabcabc1",
    ]) {
      expect(checkPassword(pw, {}).rules.common, pw).toBe(false);
    }
  });

  it("does not strip letters or leading characters: a listed word inside a longer password is fine", () => {
    for (const pw of [
      "Salasana-Kettu-7",
      "7-Salasana-Kettu",
      "Kissa koira talo 1",
      "!Password123x",
      "Password123x",
    ]) {
      expect(checkPassword(pw, {}).rules.common, pw).toBe(true);
    }
  });

  it("ships a list of folded entries, all at least three characters", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(1000);
    let max = 0;
    for (const e of COMMON_PASSWORDS) {
      expect(fold(e)).toBe(e);
      expect([...e].length).toBeGreaterThanOrEqual(3);
      max = Math.max(max, [...e].length);
    }
    expect(COMMON_PASSWORD_MAX_CODE_POINTS).toBe(max);
    for (const e of [
      "123456",
      "password",
      "qwerty",
      "salasana",
      "salasana1",
      "kissa123",
      "perkele",
      "suomi",
      "suomi100",
      "hyvää päivää",
      "hyvääpäivää",
      "kesä2000",
      "2030kevät",
      "talvi2015",
      "syksy2024",
      "qwertyuiopå",
    ]) {
      expect(COMMON_PASSWORDS.has(e), e).toBe(true);
    }
  });

  it("stays fast on huge inputs (the server may receive anything)", () => {
    const start = performance.now();
    const v = checkPassword(`${"1".repeat(500_000)}!`, {
      firstName: "A".repeat(10_000),
      lastName: "Korhonen",
    });
    expect(v.rules.length).toBe(false);
    expect(v.rules.common).toBe(false); // sixteen 1s are listed, the rest is strippable
    expect(v.rules.name).toBe(true);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe("password policy: determinism", () => {
  const cases: [string, { firstName?: string; lastName?: string }][] = [
    [STRONG, { firstName: "Matti", lastName: "Virtanen" }],
    ["Kettu-ÄÄR-9", { firstName: "Ähtäri", lastName: "Ääritalo" }],
    ["Salasana123!", { firstName: "Anna-Liisa", lastName: "Korhonen" }],
    ["x", {}],
  ];

  it("gives the same verdict regardless of ctx key order, repeated calls, or first/last swapped", () => {
    for (const [pw, ctx] of cases) {
      const a = checkPassword(pw, { firstName: ctx.firstName, lastName: ctx.lastName });
      const b = checkPassword(pw, { lastName: ctx.lastName, firstName: ctx.firstName });
      const c = checkPassword(pw, { firstName: ctx.lastName, lastName: ctx.firstName });
      const d = checkPassword(pw, JSON.parse(JSON.stringify(ctx)) as typeof ctx);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      expect(d).toEqual(a);
      expect(checkPassword(pw, ctx)).toEqual(a);
      expect(Object.keys(a.rules)).toEqual([...PASSWORD_RULES]);
    }
  });

  it("gives the same verdict for composed and decomposed input (what a browser or server may send)", () => {
    for (const [pw, ctx] of cases) {
      const nfd = checkPassword(pw.normalize("NFD"), {
        firstName: ctx.firstName?.normalize("NFD"),
        lastName: ctx.lastName?.normalize("NFD"),
      });
      expect(nfd).toEqual(checkPassword(pw, ctx));
    }
  });

  it("does not let the global regexes carry state between calls", () => {
    const results = Array.from(
      { length: 5 },
      () => checkPassword("Kettu-ann-9", { firstName: "Anna-Liisa" }).rules.name,
    );
    expect(results).toEqual([false, false, false, false, false]);
  });

  it("treats an extra, unknown ctx key as irrelevant", () => {
    const ctx = { firstName: "Matti", email: "matti@example.fi" } as { firstName: string };
    expect(checkPassword(STRONG, ctx)).toEqual(checkPassword(STRONG, { firstName: "Matti" }));
  });
});

describe("password policy: bundles for the browser", () => {
  const source = (file: string) => readFileSync(path.resolve(import.meta.dirname, file), "utf8");
  const imports = (src: string) =>
    [
      ...src.matchAll(
        /(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']|require\(\s*["']([^"']+)["']/g,
      ),
    ].map((m) => m[1] ?? m[2] ?? m[3]);

  it.each(["password-policy.ts", "common-passwords.ts"])(
    "%s imports only project modules and no Node built-ins or globals",
    (file) => {
      const src = source(file);
      expect(src).not.toMatch(/["']node:/);
      expect(src).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b|__dirname|server-only/);
      for (const spec of imports(src)) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\//);
    },
  );

  it("the policy imports exactly the common-password list", () => {
    expect(imports(source("password-policy.ts"))).toEqual(["./common-passwords"]);
    expect(imports(source("common-passwords.ts"))).toEqual([]);
  });

  it("the rule keys match the message catalogues, and English has exactly the keys of Finnish", () => {
    const load = (locale: string) =>
      JSON.parse(
        readFileSync(
          path.resolve(import.meta.dirname, `../../messages/${locale}/password.json`),
          "utf8",
        ),
      ) as { rules: Record<PasswordRule, string> };
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === "object" ? keys(v).map((s) => `${k}.${s}`) : [k],
      );
    const [fi, en] = [load("fi"), load("en")];
    for (const m of [fi, en])
      expect(Object.keys(m.rules).sort()).toEqual([...PASSWORD_RULES].sort());
    expect(keys(en).sort()).toEqual(keys(fi).sort());
  });
});
