import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Pool } from "pg";
import { auditLog, contacts, exports, storedFiles } from "@/db/schema";
import { createOrg, createUser } from "@/db/seed/factories";
import { openTestDb } from "@/db/seed/test-db";
import { readFile } from "@/lib/files/store";
import { LocalRunner } from "@/lib/jobs/runner";
import { createRegister } from "@/lib/registers/registers";
import { createSegment } from "@/lib/segments/segments";
import { createExport, getExportFile, listExports } from "./exports";
import { neutralise } from "./format";
import { runExport } from "./run-export";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
  if (h.kind === "postgres") (h.raw as Pool).on("error", () => {});
});
afterAll(async () => h?.dispose());

const drain = () => new LocalRunner({ db: h.db }).drain();

async function setup() {
  const org = await createOrg(h.db);
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  const actor = { userId: main.id, userEmail: main.email };
  const reg = await createRegister(h.db, org.id, actor, {
    name: "Jäsenet 2026",
    columns: [
      { label: "Kaupunki", type: "single_choice", options: ["Helsinki", "Espoo"] },
      { label: "Harrastukset", type: "multi_choice", options: ["golf", "tennis"] },
      { label: "Maksu", type: "number" },
      { label: "Liittynyt", type: "date" },
      { label: "Jäsen", type: "boolean" },
      { label: "=Huom", type: "text" },
    ],
  });
  const people = [
    {
      email: "maija@example.fi",
      phone: "+358401234567",
      firstName: "Maija",
      lastName: "Meikäläinen",
      data: {
        kaupunki: "Helsinki",
        harrastukset: ["golf", "tennis"],
        maksu: 12.5,
        liittynyt: "2025-03-05",
        jasen: true,
        huom: '=HYPERLINK("http://x")',
      },
    },
    {
      email: "matti@example.fi",
      phone: null,
      firstName: "+Matti",
      lastName: "-Virtanen",
      data: {
        kaupunki: "Espoo",
        harrastukset: ["tennis"],
        maksu: 3,
        jasen: false,
        huom: '@SUM(A1); "lainaus"\nrivi',
      },
    },
    {
      email: "liisa@example.fi",
      phone: null,
      firstName: "Liisa",
      lastName: "Öhman",
      data: { kaupunki: "Helsinki", harrastukset: ["golf"], huom: "\tsarkain" },
    },
  ];
  for (const [i, p] of people.entries())
    await h.db.insert(contacts).values({
      ...p,
      orgId: org.id,
      registerId: reg.id,
      createdAt: new Date(Date.UTC(2026, 0, 10 + i, 10, 30)),
    });
  return { org, actor, reg, people };
}

async function bytesOf(orgId: string, fileId: string) {
  const parts: Buffer[] = [];
  for await (const c of readFile(h.db, orgId, fileId)) parts.push(c);
  return Buffer.concat(parts);
}

async function exportAndRead(
  s: Awaited<ReturnType<typeof setup>>,
  format: "csv" | "xlsx",
  segmentId?: string,
) {
  const ex = await createExport(h.db, s.org.id, s.actor, {
    registerId: s.reg.id,
    segmentId,
    format,
    locale: "fi",
  });
  await drain();
  const file = await getExportFile(h.db, s.org.id, s.reg.id, ex.id);
  return { ex, file, bytes: await bytesOf(s.org.id, file.id) };
}

/** A minimal RFC 4180 reader for `;` (quotes, doubled quotes, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = "";
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ";") {
      row.push(f);
      f = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(f);
      rows.push(row);
      row = [];
      f = "";
      i++;
    } else f += c;
  }
  if (f || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows;
}

describe("exports", () => {
  it("neutralises formula starters but keeps E.164 phone numbers", () => {
    expect(neutralise("=1+2")).toBe("'=1+2");
    expect(neutralise("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(neutralise("-2")).toBe("'-2");
    expect(neutralise("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralise("\tx")).toBe("'\tx");
    expect(neutralise("\rx")).toBe("'\rx");
    expect(neutralise("+358401234567")).toBe("+358401234567");
    expect(neutralise("Maija")).toBe("Maija");
  });

  it("writes a CSV (BOM, semicolons, Finnish headers) that reads back equal to the data", async () => {
    const s = await setup();
    const { bytes, file } = await exportAndRead(s, "csv");
    expect(file.name).toMatch(/^jasenet-2026-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8").slice(1));
    expect(rows[0]).toEqual([
      "Sähköposti",
      "Puhelin",
      "Etunimi",
      "Sukunimi",
      "Kaupunki",
      "Harrastukset",
      "Maksu",
      "Liittynyt",
      "Jäsen",
      "'=Huom",
      "Sähköpostilupa",
      "Tekstiviestilupa",
      "Lisätty",
    ]);
    expect(rows.slice(1)).toEqual([
      [
        "maija@example.fi",
        "+358401234567",
        "Maija",
        "Meikäläinen",
        "Helsinki",
        "golf, tennis",
        "12,5",
        "2025-03-05",
        "kyllä",
        `'=HYPERLINK("http://x")`,
        "ei lupaa",
        "ei lupaa",
        "2026-01-10 12:30",
      ],
      [
        "matti@example.fi",
        "",
        "'+Matti",
        "'-Virtanen",
        "Espoo",
        "tennis",
        "3",
        "",
        "ei",
        `'@SUM(A1); "lainaus"\nrivi`,
        "ei lupaa",
        "ei lupaa",
        "2026-01-11 12:30",
      ],
      [
        "liisa@example.fi",
        "",
        "Liisa",
        "Öhman",
        "Helsinki",
        "golf",
        "",
        "",
        "",
        "'\tsarkain",
        "ei lupaa",
        "ei lupaa",
        "2026-01-12 12:30",
      ],
    ]);
    const [ex] = await listExports(h.db, s.org.id, s.reg.id);
    expect(ex).toMatchObject({ status: "done", totalRows: 3, processedRows: 3 });
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.org.id), eq(auditLog.action, "export.created")));
    expect(audit).toHaveLength(1);
  });

  it("writes an .xlsx with real number and date cells that reads back equal to the data", async () => {
    const s = await setup();
    const { bytes, file } = await exportAndRead(s, "xlsx");
    expect(file.name).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("Jäsenet 2026");
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain("'=Huom");
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(2).slice(0, 10)).toEqual([
      "maija@example.fi",
      "+358401234567",
      "Maija",
      "Meikäläinen",
      "Helsinki",
      "golf, tennis",
      12.5,
      new Date(Date.UTC(2025, 2, 5)),
      "kyllä",
      `'=HYPERLINK("http://x")`,
    ]);
    expect(row(2)[12]).toEqual(new Date(Date.UTC(2026, 0, 10, 12, 30)));
    expect(row(3)[2]).toBe("'+Matti");
    expect(row(3)[9]).toBe(`'@SUM(A1); "lainaus"\nrivi`);
    expect(ws.actualRowCount).toBe(4);
  });

  it("exports only a segment's contacts", async () => {
    const s = await setup();
    const seg = await createSegment(h.db, s.org.id, s.actor, {
      registerId: s.reg.id,
      name: "Helsinki golf",
      filter: {
        type: "group",
        op: "and",
        children: [
          { type: "cond", field: "kaupunki", operator: "equals", value: "Helsinki" },
          { type: "cond", field: "harrastukset", operator: "contains_any", value: ["golf"] },
        ],
      },
    });
    const { bytes } = await exportAndRead(s, "xlsx", seg.id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const emails = wb.worksheets[0]!.getColumn(1).values.slice(2);
    expect(emails).toEqual(["maija@example.fi", "liisa@example.fi"]);
  });

  it("is idempotent: running the job again keeps one file", async () => {
    const s = await setup();
    const { ex, file } = await exportAndRead(s, "csv");
    await runExport(h.db, { orgId: s.org.id, exportId: ex.id, locale: "fi" });
    // A run that crashed after writing but before finishing: the rerun links one file.
    await h.db.update(exports).set({ status: "running" }).where(eq(exports.id, ex.id));
    await runExport(h.db, { orgId: s.org.id, exportId: ex.id, locale: "fi" });
    const [after] = await h.db.select().from(exports).where(eq(exports.id, ex.id));
    expect(after!.status).toBe("done");
    const files = await h.db
      .select({ id: storedFiles.id })
      .from(storedFiles)
      .where(and(eq(storedFiles.orgId, s.org.id), eq(storedFiles.purpose, "export")));
    expect(files.map((f) => f.id)).toEqual([after!.fileId]);
    expect(after!.fileId).not.toBe(file.id);
  });

  it("viewers cannot export; another organisation cannot export or download", async () => {
    const a = await setup();
    const b = await setup();
    const viewer = await createUser(h.db, { orgId: a.org.id, role: "viewer" });
    await expect(
      createExport(
        h.db,
        a.org.id,
        { userId: viewer.id, userEmail: viewer.email },
        {
          registerId: a.reg.id,
          format: "csv",
          locale: "fi",
        },
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { ex } = await exportAndRead(a, "csv");
    await expect(getExportFile(h.db, b.org.id, a.reg.id, ex.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getExportFile(h.db, b.org.id, b.reg.id, ex.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listExports(h.db, b.org.id, a.reg.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      createExport(h.db, b.org.id, b.actor, { registerId: a.reg.id, format: "csv", locale: "fi" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const seg = await createSegment(h.db, a.org.id, a.actor, {
      registerId: a.reg.id,
      name: "A",
      filter: { type: "group", op: "and", children: [] },
    });
    await expect(
      createExport(h.db, b.org.id, b.actor, {
        registerId: b.reg.id,
        segmentId: seg.id,
        format: "csv",
        locale: "fi",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      readFile(h.db, b.org.id, (await getExportFile(h.db, a.org.id, a.reg.id, ex.id)).id).next(),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
