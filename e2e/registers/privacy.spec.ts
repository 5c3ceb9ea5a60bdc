import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, PARTNER, signIn } from "../fixtures/auth";
import { exportAndDownload } from "./helpers";

/** Creates a register through the UI (one text column) and returns its page URL. */
async function createRegister(page: Page, name: string) {
  await page.goto(`/${DEMO.org}/registers`);
  await page.getByLabel("Nimi", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Lisää sarake" }).click();
  await page.getByLabel("Sarakkeen nimi").fill("Kaupunki");
  await page.getByRole("button", { name: "Luo rekisteri" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url();
}

test("[registers] a privacy notice is filled in, published and read in Finnish and English", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO);
  const name = `Uutiskirje ${Date.now()}`;
  await createRegister(page, name);
  await page.getByRole("link", { name: "Tietosuojaseloste" }).click();
  await expect(
    page.getByText("Selostetta ei ole vielä tallennettu.", { exact: false }),
  ).toBeVisible();
  // Prefilled from the organisation; the required texts are missing, and the server says so.
  await expect(page.getByLabel("Rekisterinpitäjän nimi")).toHaveValue(DEMO.orgName);
  await page.getByLabel("Yhteyshenkilön sähköposti").fill("tietosuoja@demo.fi");
  // Blank-looking texts pass the browser's check but not the server's.
  await page.getByLabel("Henkilötietojen käsittelyn tarkoitus").fill("   ");
  await page.getByLabel("Säilytysaika").fill("   ");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByText("Kerro käsittelyn tarkoitus.")).toBeVisible();
  await expect(page.getByLabel("Yhteyshenkilön sähköposti")).toHaveValue("tietosuoja@demo.fi");

  await page.getByLabel("Henkilötietojen käsittelyn tarkoitus").fill("Uutiskirjeiden lähettäminen");
  await page.getByLabel("Säilytysaika").fill("Kunnes tilaus perutaan");
  await page.getByLabel("Osoitelähdelause viestien alatunnisteeseen").fill("verkkolomake");
  await page.getByLabel("Julkaise tietosuojaseloste").check();
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByRole("status").getByText("Tallennettu.")).toBeVisible();
  await expect(page.getByTestId("privacy-state")).toContainText("Julkaistu");
  await expect(page.getByTestId("statement")).toContainText(
    `Saat tämän viestin, koska olet rekisterissä ${name} (${DEMO.orgName}). Osoitteen lähde: verkkolomake.`,
  );
  const publicUrl = await page.getByRole("link", { name: /\/p\/r\/.+\/privacy$/ }).textContent();

  // Anyone can read it, without signing in.
  const anon = await browser.newPage();
  await anon.goto(publicUrl!);
  await expect(
    anon.getByRole("heading", { level: 1, name: `Tietosuojaseloste – ${name}` }),
  ).toBeVisible();
  await expect(anon.getByText("Uutiskirjeiden lähettäminen")).toBeVisible();
  await expect(anon.getByTestId("privacy-columns")).toContainText("Kaupunki");
  await expect(anon.getByText("Rekisteröidyn suostumus")).toBeVisible();
  await anon.getByRole("link", { name: "In English" }).click();
  await expect(
    anon.getByRole("heading", { level: 1, name: `Privacy notice – ${name}` }),
  ).toBeVisible();
  await expect(anon.getByText("The data subject's consent")).toBeVisible();

  // Withdrawn: the public page is gone.
  await page.getByLabel("Julkaise tietosuojaseloste").uncheck();
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByTestId("privacy-state")).toHaveText("Ei julkaistu");
  const res = await anon.goto(publicUrl!);
  expect(res?.status()).toBe(404);
  await anon.close();
});

test("[registers] a person's data is downloaded and the person erased everywhere", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO);
  const run = Date.now();
  const email = `tiina-${run}@example.fi`;
  for (const name of [`Asiakkaat ${run}`, `Tapahtumat ${run}`]) {
    await createRegister(page, name);
    await page.getByRole("link", { name: "Lisää yhteystieto" }).click();
    await page.getByLabel("Sähköposti").fill(email);
    await page.getByLabel("Etunimi").fill("Tiina");
    await page.getByRole("button", { name: "Lisää yhteystieto" }).click();
    await expect(page.getByRole("link", { name: "Tiina" })).toBeVisible();
  }
  // An export of the second register is a kept file that names her.
  await page.getByRole("link", { name: "Viennit" }).click();
  const exported = await exportAndDownload(page, "csv");
  const exportsUrl = page.url();
  expect(exported.bytes.toString("utf8")).toContain(email);

  await page.goto(`/${DEMO.org}/registers`);
  await page.getByRole("link", { name: "Tietosuojapyynnöt" }).click();
  await page.getByLabel("Sähköposti tai puhelinnumero").fill("ei osoite");
  await page.getByRole("button", { name: "Hae" }).click();
  await expect(page.getByText("Anna sähköpostiosoite tai puhelinnumero.")).toBeVisible();
  await page.getByLabel("Sähköposti tai puhelinnumero").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Hae" }).click();
  await expect(page.getByTestId("person-found")).toHaveText("Löytyi 2 yhteystietoa.");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Lataa tiedot (JSON)" }).click(),
  ]);
  const report = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(
    report.contacts.map((c: { register: { name: string } }) => c.register.name).sort(),
  ).toEqual([`Asiakkaat ${run}`, `Tapahtumat ${run}`]);
  expect(report.contacts[0].firstName).toBe("Tiina");

  // Another organisation's user does not see the page at all.
  const partner = await browser.newPage();
  await signIn(partner, PARTNER);
  const res = await partner.goto(`/${DEMO.org}/registers/data-requests?q=${email}`);
  expect(res?.status()).toBe(404);
  const dl = await partner.request.get(`/${DEMO.org}/registers/data-requests/export?q=${email}`);
  expect(dl.status()).toBe(404);
  await partner.close();

  await page.getByRole("button", { name: "Poista henkilö" }).click();
  await page.getByRole("button", { name: "Poista pysyvästi" }).click();
  await expect(page.getByTestId("person-found")).toHaveText(
    "Henkilöä ei löytynyt yhdestäkään rekisteristä.",
  );
  await expect(page.getByText("Estolistalla (sähköposti): poistopyyntö")).toBeVisible();
  // The background job reads the kept files and deletes the export that names her.
  await page.goto(exportsUrl);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("export-row").first()).toContainText("Poistettu", {
      timeout: 1000,
    });
  }).toPass({ timeout: 60_000 });
  await page.goto(`/${DEMO.org}/audit`);
  await expect(
    page.getByText("poisti henkilön kaikista rekistereistä", { exact: false }).first(),
  ).toBeVisible();
  await expect(
    page
      .getByText(
        "poistetun henkilön mainitsevat tuonti- ja vientitiedostot poistettu (1 tiedosto)",
        {
          exact: false,
        },
      )
      .first(),
  ).toBeVisible();
});
