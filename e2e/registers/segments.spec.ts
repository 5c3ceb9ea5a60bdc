import { expect, test } from "@playwright/test";
import { DEMO, PARTNER, signIn } from "../fixtures/auth";
import {
  addConditions,
  addContact,
  createRegisterWithColumns,
  createSegment,
  expectLiveCount,
  exportAndDownload,
  readXlsxRows,
} from "./helpers";

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
