import { expect, test } from "@playwright/test";
import { DEMO, PARTNER, signIn } from "../fixtures/auth";
import {
  createRegisterWithInterests,
  downloadImportReport,
  expectFinnishCsvPreview,
  expectRejectedRowReasons,
  finnishCsv,
  importCount,
  startImportAndWait,
  uploadImportFile,
} from "./helpers";

test("[import] a Windows-1252 semicolon CSV with Finnish headers and bad rows, with a report", async ({
  page,
}) => {
  await signIn(page, DEMO);
  const run = Date.now();
  const name = `Tuontitesti ${run}`;
  await createRegisterWithInterests(page, name);
  await uploadImportFile(page, { name: "asiakkaat.csv", buffer: finnishCsv(run) });

  // The preview decoded the Windows-1252 file and found the semicolons.
  await expectFinnishCsvPreview(page);
  await expect(page.getByRole("cell", { name: "Meikäläinen", exact: true })).toBeVisible();
  // Headers were matched to the register's columns.
  await expect(page.getByLabel("Rekisterin sarake: Sähköposti")).toHaveValue("email");
  await expect(page.getByLabel("Rekisterin sarake: Sukunimi")).toHaveValue("lastName");
  await expect(page.getByLabel("Rekisterin sarake: Kiinnostuksen kohteet")).toHaveValue(
    "c:kiinnostuksen_kohteet",
  );

  await startImportAndWait(page);
  expect(await importCount(page, "total")).toBe("6");
  expect(await importCount(page, "inserted")).toBe("3");
  expect(await importCount(page, "rejected")).toBe("3");
  await expectRejectedRowReasons(page);

  // The report downloads as CSV with the row numbers, reasons and original values.
  const report = await downloadImportReport(page);
  expect(report).toContain("Rivi;Syy;Sähköposti;Etunimi;Sukunimi;Kaupunki;Kiinnostuksen kohteet");
  expect(report).toContain("5;");
  expect(report).toContain("ei-osoite;Väärä;Osoite;Oulu");

  // The register lists the new contacts and the finished import.
  await page.getByRole("link", { name: "← Takaisin rekisteriin" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("link", { name: "Meikäläinen Matti" })).toBeVisible();
  await expect(page.getByRole("link", { name: "asiakkaat.csv" })).toBeVisible();
  await expect(page.getByText("Valmis", { exact: true })).toBeVisible();
});

test("[import] the upload and report routes refuse another organisation and a wrong register", async ({
  page,
}) => {
  await signIn(page, DEMO);
  const run = Date.now();
  await createRegisterWithInterests(page, `Rajatesti ${run}`);
  const registerPath = new URL(page.url()).pathname; // /demo/registers/<id>
  const registerId = registerPath.split("/").pop()!;
  const body = finnishCsv(run);
  const post = (path: string) =>
    page.request.post(path, {
      data: body,
      headers: { "content-type": "application/octet-stream", "x-file-name": "a.csv" },
    });
  // The demo user is not a member of the partner's organisation: its URLs do not exist.
  expect((await post(`/${PARTNER.org}/registers/${registerId}/imports/upload`)).status()).toBe(404);
  // A register id that is not the organisation's.
  const missing = "00000000-0000-4000-8000-000000000000";
  expect((await post(`/${DEMO.org}/registers/${missing}/imports/upload`)).status()).toBe(404);
  // The own register accepts the upload; its import is not reachable under another organisation.
  const ok = await post(`${registerPath}/imports/upload`);
  expect(ok.status()).toBe(201);
  const { url } = (await ok.json()) as { url: string };
  const importId = url.split("/").pop()!;
  const other = await page.request.get(
    `/${PARTNER.org}/registers/${registerId}/imports/${importId}/report`,
  );
  expect(other.status()).toBe(404);
  const page404 = await page.goto(`/${PARTNER.org}/registers/${registerId}/imports/${importId}`);
  expect(page404?.status()).toBe(404);
  // Signed out, the upload route answers 401.
  await page.context().clearCookies();
  expect((await post(`${registerPath}/imports/upload`)).status()).toBe(401);
});
