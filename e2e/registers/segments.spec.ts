import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { DEMO, PARTNER, signIn } from "../fixtures/auth";

// Reusable steps of the register → segment → export flow (the issue 4 acceptance test builds
// on these). All go through the UI as a person would; labels are the Finnish defaults.

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

test("[segments] builds city = Helsinki AND interests contains golf with a live count, saves and exports it to .xlsx", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO);
  const run = Date.now();
  const name = `Segmenttitesti ${run}`;
  const registerPath = await createRegisterWithColumns(page, name, [
    { label: "Kaupunki", type: "Yksi vaihtoehto", options: ["Helsinki", "Espoo", "Tampere"] },
    { label: "Kiinnostukset", type: "Monivalinta", options: ["golf", "tennis"] },
  ]);
  const people = [
    { firstName: "Maija", lastName: "Aalto", choices: ["Helsinki", "golf"] },
    { firstName: "Matti", lastName: "Berg", choices: ["Helsinki", "tennis"] },
    { firstName: "Liisa", lastName: "Celsius", choices: ["Espoo", "golf"] },
    { firstName: "Pekka", lastName: "Dahl", choices: ["Helsinki", "golf", "tennis"] },
  ];
  for (const p of people)
    await addContact(page, registerPath, {
      ...p,
      email: `${p.firstName.toLowerCase()}-${run}@example.fi`,
    });

  // The contact list's filter: Espoo only, through the URL.
  await page.goto(registerPath);
  await page.getByRole("button", { name: "Suodata" }).click();
  await addConditions(page, [{ field: "Kaupunki", option: "Espoo" }]);
  await expectLiveCount(page, 1);
  await page.getByRole("button", { name: "Näytä osuvat yhteystiedot" }).click();
  await expect(page.getByText("Lista on suodatettu.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Celsius Liisa" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Aalto Maija" })).toHaveCount(0);

  // The segment, with the count following each condition.
  const segmentPath = await createSegment(
    page,
    registerPath,
    "Helsingin golfarit",
    [
      { field: "Kaupunki", option: "Helsinki" },
      { field: "Kiinnostukset", operator: "sisältää jonkin näistä", check: ["golf"] },
    ],
    [3, 2],
  );
  await expect(page.getByTestId("segment-count-line")).toHaveText(
    "2 yhteystietoa kuuluu segmenttiin.",
  );
  await expect(page.getByRole("link", { name: "Aalto Maija" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Dahl Pekka" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Berg Matti" })).toHaveCount(0);
  await page.goto(`${registerPath}/segments`);
  await expect(page.getByRole("row", { name: /Helsingin golfarit\s+2/ })).toBeVisible();

  // Export the segment to .xlsx and read the file back.
  await page.goto(segmentPath);
  const file = await exportAndDownload(page, "xlsx");
  expect(file.name).toMatch(/^segmenttitesti-\d+-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const rows = await readXlsxRows(file.bytes);
  expect(rows[0]!.slice(0, 6)).toEqual([
    "Sähköposti",
    "Puhelin",
    "Etunimi",
    "Sukunimi",
    "Kaupunki",
    "Kiinnostukset",
  ]);
  expect(
    rows
      .slice(1)
      .map((r) => [r[0], r[2], r[4], r[5]])
      .sort(),
  ).toEqual([
    [`maija-${run}@example.fi`, "Maija", "Helsinki", "golf"],
    [`pekka-${run}@example.fi`, "Pekka", "Helsinki", "golf, tennis"],
  ]);

  // Another organisation gets 404 for the segment, the exports and the file.
  const exportHref = await page
    .getByTestId("export-row")
    .first()
    .getByRole("link", { name: "Lataa" })
    .getAttribute("href");
  const ctx = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "fi-FI" });
  const other = await ctx.newPage();
  await signIn(other, PARTNER);
  for (const path of [segmentPath, `${registerPath}/segments`, `${registerPath}/exports`]) {
    const res = await other.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const res = await other.request.get(exportHref!);
  expect(res.status()).toBe(404);
  await ctx.close();
});
