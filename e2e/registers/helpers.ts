import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO } from "../fixtures/auth";

// Reusable steps of the register → segment → export flow (acceptance.spec.ts builds on these). All go through the UI as a person would; labels are the Finnish defaults.

export type ColumnSpec = {
  label: string;
  type: "Yksi vaihtoehto" | "Monivalinta";
  options: string[];
};

/** Creates a register with the given choice columns and waits for its (empty) contact list. */
export async function createRegisterWithColumns(page: Page, name: string, columns: ColumnSpec[]) {
  await page.goto(`/${DEMO.org}/registers`);
  await page.getByLabel("Nimi", { exact: true }).fill(name);
  for (const c of columns) {
    await page.getByRole("button", { name: "Lisää sarake" }).click();
    await page.getByLabel("Sarakkeen nimi").last().fill(c.label);
    await page.getByLabel("Tyyppi").last().selectOption({ label: c.type });
    await page.getByLabel("Vaihtoehdot").last().fill(c.options.join("\n"));
  }
  await page.getByRole("button", { name: "Luo rekisteri" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Adds a contact through the form; `choices` are option labels to tick (radio or checkbox). */
export async function addContact(
  page: Page,
  registerPath: string,
  c: { email: string; firstName: string; lastName: string; choices: string[] },
) {
  await page.goto(`${registerPath}/contacts/new`);
  await page.getByLabel("Sähköposti").fill(c.email);
  await page.getByLabel("Etunimi").fill(c.firstName);
  await page.getByLabel("Sukunimi").fill(c.lastName);
  for (const o of c.choices) await page.getByLabel(o, { exact: true }).check();
  await page.getByRole("button", { name: "Lisää yhteystieto" }).click();
  await expect(page.getByRole("link", { name: `${c.lastName} ${c.firstName}` })).toBeVisible();
}

export type ConditionSpec = {
  field: string;
  operator?: string;
  /** A select value (single choice) … */
  option?: string;
  /** … or checkboxes to tick (multiple choice) … */
  check?: string[];
  /** … or text to type. */
  text?: string;
};

/** Adds conditions to the root group of the filter builder on the page. */
export async function addConditions(page: Page, conds: ConditionSpec[]) {
  for (const c of conds) {
    await page.getByRole("button", { name: "+ Ehto" }).first().click();
    const row = page.getByTestId("condition").last();
    await row.getByLabel("Kenttä", { exact: true }).selectOption({ label: c.field });
    if (c.operator)
      await row.getByLabel("Ehto", { exact: true }).selectOption({ label: c.operator });
    if (c.option) await row.getByLabel("Arvo", { exact: true }).selectOption({ label: c.option });
    for (const o of c.check ?? []) await row.getByLabel(o, { exact: true }).check();
    if (c.text !== undefined) await row.getByLabel("Arvo", { exact: true }).fill(c.text);
  }
}

/** The live count line of the filter builder once it has settled on `n`. */
export async function expectLiveCount(page: Page, n: number) {
  const line = page.getByTestId("segment-count");
  const text =
    n === 0
      ? "Ei osuvia yhteystietoja"
      : n === 1
        ? "1 osuva yhteystieto"
        : `${n} osuvaa yhteystietoa`;
  await expect(line).toHaveText(text);
  await expect(line.locator("[data-pending]")).toHaveCount(0);
}

/** Creates a saved segment from the register's Segments tab; returns the segment page path. */
export async function createSegment(
  page: Page,
  registerPath: string,
  name: string,
  conds: ConditionSpec[],
  expectedCounts?: number[],
) {
  await page.goto(`${registerPath}/segments`);
  await page.getByRole("link", { name: "Uusi segmentti" }).click();
  await page.getByLabel("Nimi", { exact: true }).fill(name);
  for (const [i, c] of conds.entries()) {
    await addConditions(page, [c]);
    if (expectedCounts?.[i] !== undefined) await expectLiveCount(page, expectedCounts[i]!);
  }
  await page.getByRole("button", { name: "Tallenna segmentti" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Starts an export on the current (segment or exports) page, waits for it and downloads it. */
export async function exportAndDownload(page: Page, format: "xlsx" | "csv" = "xlsx") {
  await page.getByLabel("Tiedostotyyppi").selectOption(format === "xlsx" ? "xlsx" : "csv");
  await page.getByRole("button", { name: "Vie tiedostoon" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Viennit" })).toBeVisible();
  const link = page.getByTestId("export-row").first().getByRole("link", { name: "Lataa" });
  await expect(link).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path!) };
}

/** The rows of the first sheet of an .xlsx file as arrays of cell values (header first). */
export async function readXlsxRows(bytes: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

/** Windows-1252 bytes of a text (Latin-1 covers the Finnish letters). */
export const cp1252 = (s: string) => Buffer.from(s, "latin1");

/**
 * A semicolon-separated CSV as Finnish Excel writes it ("CSV (puolipisteellä erotettu)"):
 * Windows-1252, CRLF, Finnish headers; three good rows and three bad ones (invalid e-mail,
 * unknown interest, a duplicate of row 2).
 */
export function finnishCsv(run: string | number): Buffer {
  return cp1252(
    [
      "Sähköposti;Etunimi;Sukunimi;Kaupunki;Kiinnostuksen kohteet",
      `matti-${run}@example.fi;Matti;Meikäläinen;Helsinki;golf, tennis`,
      `liisa-${run}@example.fi;Liisa;Mäkelä;Helsinki;tennis`,
      `aino-${run}@example.fi;Aino;Äijälä;Hämeenlinna;golf`,
      "ei-osoite;Väärä;Osoite;Oulu;",
      `pekka-${run}@example.fi;Pekka;Peloton;Turku;sulkapallo`,
      `MATTI-${run}@example.fi;Matti;Tupla;Espoo;`,
      "",
    ].join("\r\n"),
  );
}

/** Creates a register with text "Kaupunki" and multiple-choice "Kiinnostuksen kohteet" columns. */
export async function createRegisterWithInterests(page: Page, name: string) {
  await page.goto(`/${DEMO.org}/registers`);
  await page.getByLabel("Nimi", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Lisää sarake" }).click();
  await page.getByLabel("Sarakkeen nimi").last().fill("Kaupunki");
  await page.getByRole("button", { name: "Lisää sarake" }).click();
  await page.getByLabel("Sarakkeen nimi").last().fill("Kiinnostuksen kohteet");
  await page.getByLabel("Tyyppi").last().selectOption({ label: "Monivalinta" });
  await page.getByLabel("Vaihtoehdot").last().fill("golf\ntennis\npurjehdus");
  await page.getByRole("button", { name: "Luo rekisteri" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** From the register page: opens "Tuo tiedosto", picks the file and uploads it. */
export async function uploadImportFile(page: Page, file: { name: string; buffer: Buffer }) {
  await page.getByRole("link", { name: "Tuo tiedosto" }).click();
  await page.getByLabel("Tiedosto").setInputFiles({ ...file, mimeType: "text/csv" });
  await page.getByRole("button", { name: "Lataa ja esikatsele" }).click();
  await expect(page.getByRole("group", { name: "Sarakkeiden yhdistäminen" })).toBeVisible();
}

/** On the preview page: keeps the suggested mapping and default options, starts, waits for done. */
export async function startImportAndWait(page: Page) {
  await page.getByRole("button", { name: "Aloita tuonti" }).click();
  await expect(page.getByRole("heading", { name: "Tulokset" })).toBeVisible({ timeout: 60_000 });
}

/** The count shown on a finished import's page, e.g. importCount(page, "inserted"). */
export async function importCount(page: Page, key: string): Promise<string> {
  return (await page.getByTestId(`import-${key}`).locator("dd").textContent()) ?? "";
}

/** The preview of a Finnish Excel CSV: decoded as Windows-1252, semicolons found. */
export async function expectFinnishCsvPreview(page: Page) {
  await expect(page.getByText("Windows-1252 (ANSI)", { exact: false })).toBeVisible();
  await expect(page.getByText("Puolipiste (;)", { exact: false })).toBeVisible();
}

/** The finished import lists the three bad rows both test files carry, with their reasons. */
export async function expectRejectedRowReasons(page: Page) {
  for (const reason of [
    'Sarakkeen "Sähköposti" arvo ei ole kelvollinen sähköpostiosoite.',
    'Sarakkeen "Kiinnostuksen kohteet" arvo ei ole sallittu vaihtoehto.',
    "Sama sähköpostiosoite on jo rivillä 2.",
  ])
    await expect(page.getByRole("cell", { name: reason })).toBeVisible();
}

/** Downloads the finished import's report; returns its text. */
export async function downloadImportReport(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Lataa raportti (CSV)" }).click(),
  ]);
  return readFileSync((await download.path())!, "utf8");
}
