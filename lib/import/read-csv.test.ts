import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { columnCountProblem, previewCsv, readCsv, type CsvRow } from "./read-csv";

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

async function* chunks(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function readAll(source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream) {
  const reader = await readCsv(source);
  const rows: CsvRow[] = [];
  for await (const row of reader.rows) rows.push(row);
  return { ...reader, rows };
}

describe("readCsv", () => {
  it("reads UTF-8 with a BOM: the BOM is not part of the first header cell", async () => {
    const bytes = Uint8Array.from([...BOM, ...utf8("sähköposti;etunimi\r\nmatti@x.fi;Matti\r\n")]);
    const r = await readAll(chunks(bytes, 1024));
    expect(r.encoding).toBe("utf-8-bom");
    expect(r.delimiter).toBe(";");
    expect(r.header).toEqual(["sähköposti", "etunimi"]);
    expect(r.rows).toEqual([{ rowNumber: 2, values: ["matti@x.fi", "Matti"] }]);
  });

  it("reads UTF-8 without a BOM from a Node stream", async () => {
    const r = await readAll(Readable.from([Buffer.from("email,city\na@x.fi,Jyväskylä\n")]));
    expect(r.encoding).toBe("utf-8");
    expect(r.rows[0]?.values).toEqual(["a@x.fi", "Jyväskylä"]);
  });

  it("decodes Windows-1252 ä, ö and € correctly", async () => {
    // "etunimi;kaupunki;hinta\nÄijö;Hämeenlinna;5 €\n" as Windows-1252 bytes.
    const text = "etunimi;kaupunki;hinta\n\xC4ij\xF6;H\xE4meenlinna;5 \x80\n";
    const bytes = Uint8Array.from(Array.from(text, (c) => c.charCodeAt(0)));
    const r = await readAll(chunks(bytes, 7));
    expect(r.encoding).toBe("windows-1252");
    expect(r.rows[0]?.values).toEqual(["Äijö", "Hämeenlinna", "5 €"]);
  });

  it("keeps a multi-byte character whole when fed one byte at a time", async () => {
    const bytes = Uint8Array.from([...BOM, ...utf8("nimi;hinta\nÄäkkönen 😀;10 €\n")]);
    const r = await readAll(chunks(bytes, 1));
    expect(r.header).toEqual(["nimi", "hinta"]);
    expect(r.rows[0]?.values).toEqual(["Ääkkönen 😀", "10 €"]);
  });

  it("handles quoted delimiters, quoted newlines, doubled quotes and CRLF", async () => {
    const text =
      'nimi,osoite,huom\r\n"Virtanen, Matti","Katu 1\r\n00100 Helsinki","sanoi ""moi"""\r\nLiisa,Tie 2,\r\n';
    const r = await readAll(chunks(utf8(text), 5));
    expect(r.delimiter).toBe(",");
    expect(r.rows).toEqual([
      { rowNumber: 2, values: ["Virtanen, Matti", "Katu 1\r\n00100 Helsinki", 'sanoi "moi"'] },
      { rowNumber: 3, values: ["Liisa", "Tie 2", ""] },
    ]);
  });

  it("skips empty lines, trailing ones included, but keeps Excel's row numbers", async () => {
    const r = await readAll(chunks(utf8("email;nimi\na@x.fi;A\n\nb@x.fi;B\n\n\r\n"), 64));
    expect(r.rows.map((x) => [x.rowNumber, x.values[0]])).toEqual([
      [2, "a@x.fi"],
      [4, "b@x.fi"],
    ]);
  });

  it("passes ragged rows on so they can be reported", async () => {
    const r = await readAll(chunks(utf8("a;b;c\n1;2;3\n1;2\n1;2;3;4\n"), 64));
    expect(r.rows.map((x) => x.values.length)).toEqual([3, 2, 4]);
    expect(r.rows.map((x) => columnCountProblem(x, r.header.length))).toEqual([
      null,
      { key: "import.reasons.COLUMN_COUNT", params: { count: 2, expected: 3 } },
      { key: "import.reasons.COLUMN_COUNT", params: { count: 4, expected: 3 } },
    ]);
  });

  it("uses a given encoding and delimiter instead of detecting them", async () => {
    const reader = await readCsv(chunks(utf8("a,b;c\n1,2;3\n"), 64), { delimiter: ";" });
    const rows: CsvRow[] = [];
    for await (const row of reader.rows) rows.push(row);
    expect(reader.header).toEqual(["a,b", "c"]);
    expect(rows[0]?.values).toEqual(["1,2", "3"]);
  });

  it("reports an unclosed quote as a readable error with the line", async () => {
    // The parser may fail while the header is read (small file) or later (large file).
    const err = await readAll(chunks(utf8('a;b\n1;"open\n2;3\n'), 64)).catch((e: unknown) => e);
    expect(isAppError(err) && err.userMessage).toBe("import.errors.MALFORMED|line=3");
  });

  it("rejects an empty file", async () => {
    const err = await readCsv(chunks(utf8("\r\n\n"), 64)).catch((e: unknown) => e);
    expect(isAppError(err) && err.userMessage).toBe("import.errors.EMPTY_FILE");
  });

  it("streams 200,000 generated rows without collecting the file", async () => {
    const N = 200_000;
    async function* generate() {
      yield utf8("sähköposti;etunimi;sukunimi;kaupunki\n");
      for (let i = 0; i < N; i += 1000) {
        let block = "";
        for (let j = i; j < i + 1000; j++)
          block += `user${j}@example.fi;Etu${j};"Suku; ${j}";Hämeenlinna\n`;
        yield utf8(block);
      }
    }
    const reader = await readCsv(generate());
    let count = 0;
    let last: CsvRow | undefined;
    for await (const row of reader.rows) {
      count++;
      last = row;
    }
    expect(count).toBe(N);
    expect(last).toEqual({
      rowNumber: N + 1,
      values: [`user${N - 1}@example.fi`, `Etu${N - 1}`, `Suku; ${N - 1}`, "Hämeenlinna"],
    });
  });
});

describe("readCsv with a failing or abandoned source", () => {
  it("passes a source error on to the reader instead of hanging", async () => {
    async function* broken() {
      yield utf8("email;nimi\n" + "a@x.fi;A\n".repeat(10_000));
      throw new Error("upload aborted");
    }
    await expect(readAll(broken())).rejects.toThrow("upload aborted");
  });

  it("closes the source when the reader stops early", async () => {
    let closed = false;
    async function* endless() {
      try {
        yield utf8("email;nimi\n");
        for (let i = 0; ; i++) yield utf8(`u${i}@x.fi;N${i}\n`.repeat(100));
      } finally {
        closed = true;
      }
    }
    const reader = await readCsv(endless(), { maxRows: 5 });
    const rows: CsvRow[] = [];
    for await (const row of reader.rows) rows.push(row);
    expect(rows).toHaveLength(5);
    await expect.poll(() => closed).toBe(true);
  });
});

describe("previewCsv", () => {
  it("returns encoding, delimiter, header and the first n rows", async () => {
    const lines = ["email\tnimi", ...Array.from({ length: 50 }, (_, i) => `u${i}@x.fi\tN${i}`)];
    const p = await previewCsv(utf8(lines.join("\n")), 20);
    expect(p.encoding).toBe("utf-8");
    expect(p.delimiter).toBe("\t");
    expect(p.header).toEqual(["email", "nimi"]);
    expect(p.rows).toHaveLength(20);
    expect(p.rows[19]).toEqual({ rowNumber: 21, values: ["u19@x.fi", "N19"] });
  });

  it("previews the beginning of a large file, dropping a cut last line", async () => {
    const text = 'email;huom\na@x.fi;"kaksi\nriviä"\nb@x.fi;ok\nc@x.fi;"kesken\nlaine';
    const p = await previewCsv(utf8(text), 20, { partial: true });
    expect(p.rows).toEqual([
      { rowNumber: 2, values: ["a@x.fi", "kaksi\nriviä"] },
      { rowNumber: 3, values: ["b@x.fi", "ok"] },
    ]);
    // The same bytes as a whole file are malformed.
    await expect(previewCsv(utf8(text), 20)).rejects.toThrow(/Quote Not Closed/);
  });
});
