import { describe, expect, it } from "vitest";
import { readCsvBatches } from "./fast-csv";
import { readCsv, type CsvRow } from "./read-csv";
import type { CsvDelimiter } from "./detect";

async function* pieces(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function fast(text: string, delimiter: CsvDelimiter, size: number) {
  const r = await readCsvBatches(pieces(Buffer.from(text), size), { encoding: "utf-8", delimiter });
  const rows: CsvRow[] = [];
  for await (const b of r.batches) rows.push(...b);
  return { header: r.header, rows };
}

async function reference(text: string, delimiter: CsvDelimiter) {
  const r = await readCsv(pieces(Buffer.from(text), 1 << 20), { encoding: "utf-8", delimiter });
  const rows: CsvRow[] = [];
  for await (const row of r.rows) rows.push(row);
  return { header: r.header, rows };
}

const CASES: [string, CsvDelimiter][] = [
  ["a;b;c\n1;2;3\n4;5;6\n", ";"],
  ["a;b\r\n1;2\r\n\r\n3;4", ";"],
  ['\n\nnimi,huom\n"Virtanen, Matti","rivi 1\nrivi 2"\n"say ""hi""",x\n', ","],
  ['a;b\n"lainattu"perään;2\nkesk"eltä;3\n', ";"],
  ["a\tb\n1\t\n\t2\n", "\t"],
  ["a;b\n1;2;3;4\n5\n", ";"],
  ["\uFEFFsähköposti;äiti\nä@x.fi;Öljy\n", ";"],
  ["a;b\n1;\n;\n2;3", ";"],
  ["a;b\r1;2\r3;4\r", ";"],
];

describe("readCsvBatches", () => {
  it.each(CASES)("parses %j like readCsv, whatever the chunk size", async (text, d) => {
    const want = await reference(text, d);
    for (const size of [1, 2, 3, 7, 1000]) expect(await fast(text, d, size)).toEqual(want);
  });

  it("refuses a quote that never closes and a file without a header", async () => {
    await expect(fast('a;b\n"auki;2\n3;4\n', ";", 4)).rejects.toMatchObject({
      userMessage: expect.stringMatching(/^import\.errors\.MALFORMED\|line=/),
    });
    await expect(fast("\n \n", ";", 2)).rejects.toMatchObject({
      userMessage: "import.errors.EMPTY_FILE",
    });
  });

  it("decodes Windows-1252 across chunk boundaries", async () => {
    const bytes = Buffer.from("sähköposti;nimi\nä@x.fi;Mäkelä\n", "latin1");
    const r = await readCsvBatches(pieces(bytes, 3), { encoding: "windows-1252", delimiter: ";" });
    const rows: CsvRow[] = [];
    for await (const b of r.batches) rows.push(...b);
    expect(r.header).toEqual(["sähköposti", "nimi"]);
    expect(rows).toEqual([{ rowNumber: 2, values: ["ä@x.fi", "Mäkelä"] }]);
  });
});
