import { describe, expect, it } from "vitest";
import en from "@/messages/en/import.json";
import { rejectedRowsCsv } from "./report";

/** A stand-in for next-intl's t: looks the key up in the English catalogue, fills {params}. */
function t(key: string, params: Record<string, string | number> = {}) {
  const text = key
    .split(".")
    .slice(1)
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], en);
  if (typeof text !== "string") throw new Error(`missing ${key}`);
  return text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p]));
}

const labels = { row: en.report.row, reason: en.report.reason };

describe("rejectedRowsCsv", () => {
  it("writes a BOM, semicolons, row numbers and translated reasons", () => {
    const csv = rejectedRowsCsv(
      [
        {
          rowNumber: 5,
          reason: { key: "import.reasons.DUPLICATE_EMAIL_IN_FILE", params: { row: 2 } },
          raw: ["a@x.fi", "Äijä"],
        },
      ],
      { header: ["email", "nimi"], labels, t },
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Row;Reason;email;nimi",
      "5;The same e-mail address is already on row 2.;a@x.fi;Äijä",
      "",
    ]);
  });

  it("neutralises formulas and quotes cells with separators or newlines", () => {
    const csv = rejectedRowsCsv(
      [
        {
          rowNumber: 3,
          reason: { key: "import.reasons.COLUMN_COUNT", params: { count: 4, expected: 2 } },
          raw: ['=HYPERLINK("http://x")', "+358", "-1", "@SUM(A1)", "a;b\nc"],
        },
      ],
      { header: ["email", "nimi"], labels, t },
    );
    const line = csv.slice(1).split("\r\n")[1];
    expect(line).toBe(
      `3;The row has 4 columns, the header has 2.;"'=HYPERLINK(""http://x"")";'+358;'-1;'@SUM(A1);"a;b\nc"`,
    );
    // Short rows and the header are padded to the widest row.
    expect(csv.slice(1).split("\r\n")[0]).toBe("Row;Reason;email;nimi;;;");
  });
});
