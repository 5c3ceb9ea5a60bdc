import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, readXlsx } from "./read-xlsx";

/** An .xlsx workbook built with exceljs, as bytes. */
export async function xlsxBytes(rows: unknown[][], sheets = 1): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Asiakkaat");
  for (const r of rows) ws.addRow(r);
  for (let i = 1; i < sheets; i++) wb.addWorksheet(`Muu ${i}`).addRow(["ei luettava"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function* chunks(buf: Buffer, size = 1000) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function all(buf: Buffer, maxRows?: number) {
  const r = await readXlsx(chunks(buf), { maxRows });
  const rows = [];
  for await (const row of r.rows) rows.push(row);
  return { header: r.header, rows };
}

describe("cellText", () => {
  it("turns Excel values into text parseValue accepts", () => {
    expect(cellText(new Date(Date.UTC(2025, 11, 31)))).toBe("2025-12-31");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText(true)).toBe("true");
    expect(cellText({ richText: [{ text: "Hel" }, { text: "sinki" }] })).toBe("Helsinki");
    expect(cellText({ formula: "A1*2", result: 4 })).toBe("4");
    expect(cellText({ text: "a@x.fi", hyperlink: "mailto:a@x.fi" })).toBe("a@x.fi");
    expect(cellText({ error: "#N/A" })).toBe("");
    expect(cellText(null)).toBe("");
  });
});

describe("readXlsx", () => {
  it("streams the first sheet: header, typed cells as text, padded rows, row numbers", async () => {
    const buf = await xlsxBytes(
      [
        ["Sähköposti", "Etunimi", "Syntymäpäivä", "Jäsen", "Pisteet"],
        ["matti@example.fi", "Matti", new Date(Date.UTC(1980, 4, 17)), true, 3.25],
        [],
        ["liisa@example.fi", "Liisa"],
      ],
      2,
    );
    const { header, rows } = await all(buf);
    expect(header).toEqual(["Sähköposti", "Etunimi", "Syntymäpäivä", "Jäsen", "Pisteet"]);
    expect(rows).toEqual([
      { rowNumber: 2, values: ["matti@example.fi", "Matti", "1980-05-17", "true", "3.25"] },
      { rowNumber: 4, values: ["liisa@example.fi", "Liisa", "", "", ""] },
    ]);
  });

  it("stops after maxRows", async () => {
    const buf = await xlsxBytes([
      ["email"],
      ...Array.from({ length: 50 }, (_, i) => [`a${i}@x.fi`]),
    ]);
    const { rows } = await all(buf, 3);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
  });

  it("refuses an empty sheet and a file that is not a workbook", async () => {
    await expect(all(await xlsxBytes([]))).rejects.toMatchObject({
      userMessage: "import.errors.EMPTY_FILE",
    });
    await expect(all(Buffer.from("email;name\na@x.fi;A\n"))).rejects.toMatchObject({
      userMessage: "import.errors.NOT_XLSX",
    });
  });
});
