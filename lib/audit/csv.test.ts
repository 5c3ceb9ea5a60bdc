import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("audit CSV", () => {
  it.each(['=HYPERLINK("http://x")', "+358401234567", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])(
    "neutralises a cell starting a formula: %j",
    (v) => {
      const cell = csvCell(v);
      expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
    },
  );

  it("leaves ordinary text alone and quotes separators, quotes and line breaks", () => {
    expect(csvCell("Dora Demo")).toBe("Dora Demo");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('sanoi "hei"')).toBe('"sanoi ""hei"""');
    expect(csvCell("rivi\ntoinen")).toBe('"rivi\ntoinen"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(12)).toBe("12");
  });

  it("a formula hidden behind quoting is still neutralised", () => {
    expect(csvCell('=1;"x"')).toBe(`"'=1;""x"""`);
  });

  it("writes a BOM, semicolons and CRLF", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["=c", "d"],
      ]),
    ).toBe("\uFEFFa;b\r\n'=c;d\r\n");
  });
});
