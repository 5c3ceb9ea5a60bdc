import { describe, expect, it } from "vitest";
import { detectDelimiter, detectEncoding, isValidUtf8Sample } from "./detect";

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes for the few characters these tests use. */
function cp1252(s: string): Uint8Array {
  const map: Record<string, number> = { ä: 0xe4, ö: 0xf6, Ä: 0xc4, Ö: 0xd6, å: 0xe5, "€": 0x80 };
  return Uint8Array.from(Array.from(s, (c) => map[c] ?? c.charCodeAt(0)));
}

describe("detectEncoding", () => {
  it("recognises a UTF-8 BOM", () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("nimi;äiti")]))).toBe(
      "utf-8-bom",
    );
  });

  it("recognises UTF-8 without a BOM, plain ASCII included", () => {
    expect(detectEncoding(utf8("etunimi;sukunimi\nÄijä;Öljynen €\n"))).toBe("utf-8");
    expect(detectEncoding(utf8("name,email\n"))).toBe("utf-8");
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    expect(detectEncoding(cp1252("etunimi;kaupunki\nMäkelä;Hämeenlinna\n"))).toBe("windows-1252");
    expect(detectEncoding(cp1252("hinta\n5 €\n"))).toBe("windows-1252");
  });

  it("accepts a multi-byte character cut off by the end of the sample", () => {
    const bytes = utf8("kaupunki\nHämeenlinna ä");
    expect(isValidUtf8Sample(bytes.slice(0, bytes.length - 1))).toBe(true);
    const euro = utf8("€"); // three bytes
    expect(detectEncoding(Uint8Array.from([...utf8("a;b\n"), euro[0]!, euro[1]!]))).toBe("utf-8");
  });

  it("rejects a cut sequence in the middle and overlong forms", () => {
    expect(isValidUtf8Sample(Uint8Array.from([0x61, 0xc3, 0x61]))).toBe(false);
    expect(isValidUtf8Sample(Uint8Array.from([0xc0, 0xaf]))).toBe(false);
    expect(isValidUtf8Sample(Uint8Array.from([0xe0, 0x80, 0xaf]))).toBe(false);
  });
});

describe("detectDelimiter", () => {
  it("finds semicolons even when values contain commas (Finnish decimals)", () => {
    expect(detectDelimiter("nimi;hinta;kaupunki\nMatti;1,50;Oulu\nLiisa;2,75;Turku\n")).toBe(";");
  });

  it("finds commas and tabs", () => {
    expect(detectDelimiter("name,email,city\nA,a@x.fi,Oulu\nB,b@x.fi,Turku\n")).toBe(",");
    expect(detectDelimiter("name\temail\nA\ta@x.fi\nB\tb@x.fi\n")).toBe("\t");
  });

  it("ignores delimiters inside quotes, quoted newlines included", () => {
    const text =
      'name,note,city\n"Virtanen; Matti","a; b; c",Oulu\n"Mäki; Liisa","rivi 1;\nrivi 2;",Turku\n';
    expect(detectDelimiter(text)).toBe(",");
  });

  it("prefers the delimiter with a consistent count over a more frequent erratic one", () => {
    const text = "a;b\nx,y,z,w,v,u,t;q\nm;n\no;p\n"; // 6 commas on one line, 4 semicolons in all
    expect(detectDelimiter(text)).toBe(";");
  });

  it("defaults to a semicolon for a single column", () => {
    expect(detectDelimiter("email\na@x.fi\n")).toBe(";");
  });
});
