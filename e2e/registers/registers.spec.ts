import { expect, test } from "@playwright/test";
import { DEMO, PARTNER, signIn } from "../fixtures/auth";
import { addContact, createRegisterWithColumns } from "./helpers";

test("[registers] a main user creates a register with a choice column and manages its contacts", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO);
  const run = Date.now();
  await page
    .getByRole("navigation", { name: "Päävalikko" })
    .getByRole("link", { name: "Rekisterit" })
    .click();
  await page.waitForURL("**/demo/registers");

  // Create a register with a multiple-choice column.
  const name = `Jäsenet ${run}`;
  await page.getByLabel("Nimi", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Lisää sarake" }).click();
  await page.getByLabel("Sarakkeen nimi").fill("Kiinnostukset");
  await page.getByLabel("Tyyppi").selectOption({ label: "Monivalinta" });
  await page.getByLabel("Vaihtoehdot").fill("golf\ntennis");
  await page.getByRole("button", { name: "Luo rekisteri" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(
    page.getByText("Rekisterissä ei ole vielä yhteystietoja.", { exact: false }),
  ).toBeVisible();

  // Add a contact with a Finnish phone number; it is stored and shown in E.164.
  const email = `maija-${run}@example.fi`;
  await page.getByRole("link", { name: "Lisää yhteystieto" }).click();
  await page.getByLabel("Sähköposti").fill(email);
  await page.getByLabel("Puhelin").fill("040 123 4567");
  await page.getByLabel("Etunimi").fill("Maija");
  await page.getByLabel("Sukunimi").fill("Meikäläinen");
  await page.getByLabel("golf").check();
  await page.getByRole("button", { name: "Lisää yhteystieto" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("cell", { name: "+358401234567" })).toBeVisible();

  // The same address again (other case) is refused and what was typed stays.
  await page.getByRole("link", { name: "Lisää yhteystieto" }).click();
  await page.getByLabel("Sähköposti").fill(email.toUpperCase());
  await page.getByLabel("Etunimi").fill("Kalle");
  await page.getByLabel("tennis").check();
  await page.getByRole("button", { name: "Lisää yhteystieto" }).click();
  await expect(page.getByRole("status").getByText("Osoite on jo rekisterissä.")).toBeVisible();
  await expect(page.getByLabel("Sähköposti")).toHaveValue(email.toUpperCase());
  await expect(page.getByLabel("Etunimi")).toHaveValue("Kalle");
  await expect(page.getByLabel("tennis")).toBeChecked();
  await page.getByLabel("Sähköposti").fill(`kalle-${run}@example.fi`);
  await page.getByRole("button", { name: "Lisää yhteystieto" }).click();
  await expect(page.getByRole("link", { name: "Kalle" })).toBeVisible();

  // Search finds one of the two.
  await page.getByRole("searchbox", { name: "Hae" }).fill("maija");
  await page.getByRole("button", { name: "Hae" }).click();
  await expect(page.getByRole("link", { name: "Meikäläinen Maija" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kalle" })).toHaveCount(0);

  // Edit on the contact page, whose consent history is honestly empty.
  await page.getByRole("link", { name: "Meikäläinen Maija" }).click();
  await expect(page.getByText("Ei vielä suostumustapahtumia.", { exact: false })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "golf" })).toBeVisible();
  await page.getByLabel("Sukunimi").fill("Virtanen");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByText("Tallennettu.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Maija Virtanen" })).toBeVisible();

  // Delete it, confirming first.
  await page.getByRole("button", { name: "Poista yhteystieto" }).click();
  await page.getByRole("button", { name: "Poista pysyvästi" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("link", { name: "Virtanen Maija" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Kalle" })).toBeVisible();

  // Columns of a register with contacts: rename keeps the values, removal says how many go.
  await page.getByRole("link", { name: "Sarakkeet" }).click();
  await page.getByLabel("Sarakkeen nimi").first().fill("Harrastukset");
  await page.getByRole("button", { name: "Tallenna sarake Kiinnostukset" }).click();
  await expect(page.getByText("Sarake tallennettiin.", { exact: false })).toBeVisible();
  await page.getByRole("link", { name }).click();
  await page.getByRole("link", { name: "Kalle" }).click();
  await expect(page.getByRole("term").filter({ hasText: "Harrastukset" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "tennis" })).toBeVisible();
  await page.getByRole("link", { name }).click();
  await page.getByRole("link", { name: "Sarakkeet" }).click();
  await page.getByRole("button", { name: "Poista sarake Harrastukset" }).click();
  await expect(
    page.getByText("Poistetaanko sarake Harrastukset? 1 arvo poistuu pysyvästi."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Poista sarake ja arvot" }).click();
  await expect(
    page.getByText("Rekisterissä on vain valmiit sarakkeet.", { exact: false }),
  ).toBeVisible();
  await page.getByRole("link", { name }).click();

  // Another organisation's main user cannot open the register or its contacts by id.
  const registerPath = new URL(page.url()).pathname;
  const contactPath = await page.getByRole("link", { name: "Kalle" }).getAttribute("href");
  const ctx = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "fi-FI" });
  const other = await ctx.newPage();
  await signIn(other, PARTNER);
  const registerId = registerPath.split("/").pop();
  for (const path of [
    registerPath,
    contactPath!,
    `${registerPath}/columns`,
    `/${PARTNER.org}/registers/${registerId}`,
    `/${PARTNER.org}${contactPath!.slice(`/${DEMO.org}`.length)}`,
  ]) {
    const res = await other.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(other.getByRole("heading", { name: "Sivua ei löytynyt" })).toBeVisible();
  }
  await ctx.close();
});

test("[registers] the contacts a search shows are deleted, with a count first and progress after", async ({
  page,
}) => {
  await signIn(page, DEMO);
  const run = Date.now();
  const registerPath = await createRegisterWithColumns(page, `Poistotesti ${run}`, []);
  for (const [email, first, last] of [
    [`a-${run}@firma.fi`, "Aino", "Aalto"],
    [`b-${run}@firma.fi`, "Bertta", "Berg"],
    [`c-${run}@koti.fi`, "Cecilia", "Carlsson"],
  ] as const)
    await addContact(page, registerPath, { email, firstName: first, lastName: last, choices: [] });

  await page.goto(registerPath);
  await page.getByRole("searchbox", { name: "Hae" }).fill("firma");
  await page.getByRole("button", { name: "Hae" }).click();
  await expect(page.getByRole("link", { name: "Carlsson Cecilia" })).toHaveCount(0);
  await page.getByRole("link", { name: "Poista nämä yhteystiedot…" }).click();
  const confirm = page.getByTestId("bulk-delete-confirm");
  await expect(confirm).toContainText("Poistetaanko 2 yhteystietoa pysyvästi?");
  await expect(confirm).toContainText("Haku: ”firma”.");
  // Cancel keeps everything; asking again and confirming deletes the two.
  await confirm.getByRole("link", { name: "Peruuta" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Aalto Aino" })).toBeVisible();
  await page.getByRole("link", { name: "Poista nämä yhteystiedot…" }).click();
  await page.getByRole("button", { name: "Poista pysyvästi" }).click();
  await expect(page.getByTestId("contact-deletion")).toContainText("Poistettu 2 yhteystietoa.", {
    timeout: 30_000,
  });
  await expect(page.getByRole("link", { name: "Carlsson Cecilia" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Aalto Aino" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Berg Bertta" })).toHaveCount(0);

  // One picked by hand from the list.
  await page.goto(registerPath);
  await page.getByRole("checkbox", { name: "Valitse Carlsson Cecilia" }).check();
  await expect(page.getByTestId("selection-bar")).toContainText("1 valittu");
  await page.getByRole("button", { name: "Poista valitut…" }).click();
  await expect(page.getByTestId("selection-bar")).toContainText(
    "Poistetaanko 1 valittu yhteystieto pysyvästi",
  );
  await page.getByRole("button", { name: "Poista pysyvästi" }).click();
  await expect(page.getByTestId("contact-deletion")).toContainText("Poistettu 1 yhteystieto.", {
    timeout: 30_000,
  });
  await expect(page.getByText("Rekisterissä ei ole vielä yhteystietoja.")).toBeVisible();
});
