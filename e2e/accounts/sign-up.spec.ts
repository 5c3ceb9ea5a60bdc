import { expect, test } from "@playwright/test";
import {
  clickMailButton,
  NEW_PASSWORD,
  openMail,
  PASSWORD,
  person,
  signIn,
  signUp,
} from "../fixtures/accounts";

test("[accounts] signs up, verifies the address from the sandbox mail, signs in and lands in the new organisation", async ({
  page,
}) => {
  const p = person();
  // A wrong check digit is refused with a clear message and nothing typed is lost.
  await signUp(page, p, "0112038-8");
  await expect(page.getByText("Y-tunnus ei ole kelvollinen.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Organisaation nimi")).toHaveValue(p.orgName);
  await page.getByLabel("Salasana", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Y-tunnus").fill("0112038-9");
  await page.getByRole("button", { name: "Luo tili" }).click();
  await expect(page.getByRole("heading", { name: "Tarkista sähköpostisi" })).toBeVisible();
  await expect(page.getByText(p.email)).toBeVisible();

  await page.getByRole("link", { name: "Avaa testipostilaatikko" }).click();
  await openMail(page, p.email, "Vahvista sähköpostiosoitteesi – Viestikone");
  const tab = await clickMailButton(page, "Vahvista sähköpostiosoite");
  await expect(tab.getByRole("heading", { name: "Sähköpostiosoite vahvistettu" })).toBeVisible();
  await tab.getByRole("link", { name: "Kirjaudu sisään" }).click();
  await expect(tab.getByRole("heading", { level: 1, name: "Kirjaudu sisään" })).toBeVisible();
  await tab.getByLabel("Sähköpostiosoite").fill(p.email.toUpperCase());
  await tab.getByLabel("Salasana").fill(PASSWORD);
  await tab.getByRole("button", { name: "Kirjaudu" }).click();
  await tab.waitForURL(`**/${p.slug}`);
  await expect(tab.getByRole("heading", { level: 1, name: p.orgName })).toBeVisible();
  await expect(tab.getByText("Pääkäyttäjä", { exact: true })).toBeVisible();
});

test("[accounts] an unverified address gets 'verify your e-mail first' with a link for a new one", async ({
  page,
}) => {
  const p = person();
  await signUp(page, p);
  await expect(page.getByRole("heading", { name: "Tarkista sähköpostisi" })).toBeVisible();
  await signIn(page, p.email, PASSWORD);
  await expect(
    page.getByText("Vahvista ensin sähköpostiosoitteesi", { exact: false }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Lähetä uusi vahvistuslinkki" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Pyydä uusi vahvistuslinkki" }),
  ).toBeVisible();
  await page.getByLabel("Sähköpostiosoite").fill(p.email);
  await page.getByRole("button", { name: "Lähetä uusi linkki" }).click();
  await expect(
    page.getByText("Jos osoitteella on vahvistamaton tili", { exact: false }),
  ).toBeVisible();
});

test("[accounts] resets a forgotten password through the sandbox mail; the link works once", async ({
  page,
}) => {
  const p = person();
  await signUp(page, p);
  await expect(page.getByRole("heading", { name: "Tarkista sähköpostisi" })).toBeVisible();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Unohtuiko salasana?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Unohtuiko salasana?" })).toBeVisible();
  await page.getByLabel("Sähköpostiosoite").fill(p.email);
  await page.getByRole("button", { name: "Lähetä linkki" }).click();
  await expect(
    page.getByText("Jos osoitteella on tili, lähetimme siihen linkin", { exact: false }),
  ).toBeVisible();

  await page.getByRole("link", { name: "Avaa testipostilaatikko" }).click();
  await openMail(page, p.email, "Salasanan vaihto – Viestikone");
  // The text part's address is a link too.
  await page.getByRole("tab", { name: "Teksti" }).click();
  const link = page.getByRole("link", { name: /\/reset\// });
  const resetUrl = (await link.getAttribute("href"))!;
  const popup = page.waitForEvent("popup");
  await link.click();
  const tab = await popup;
  await expect(tab.getByRole("heading", { name: "Aseta uusi salasana" })).toBeVisible();
  // The server checks the policy too: the first name is not allowed in the password.
  await tab.getByLabel("Uusi salasana", { exact: true }).fill("Ainoastaan-2026");
  await tab.getByRole("button", { name: "Tallenna salasana" }).click();
  await expect(
    tab.getByText("Salasana ei täytä kaikkia vaatimuksia", { exact: false }),
  ).toBeVisible();
  await tab.getByLabel("Uusi salasana", { exact: true }).fill(NEW_PASSWORD);
  await tab.getByRole("button", { name: "Tallenna salasana" }).click();
  await expect(tab.getByRole("heading", { name: "Salasana vaihdettu" })).toBeVisible();

  await signIn(tab, p.email, NEW_PASSWORD);
  await tab.waitForURL(`**/${p.slug}`);
  await expect(tab.getByRole("heading", { level: 1, name: p.orgName })).toBeVisible();

  await page.goto(resetUrl);
  await expect(page.getByRole("heading", { name: "Linkki ei enää toimi" })).toBeVisible();
});

test("[accounts] repeated wrong passwords are refused with the minutes to wait, the same for unknown addresses", async ({
  page,
}) => {
  const email = `ei-tilia-${Date.now()}@example.fi`;
  for (let n = 0; n < 5; n++) {
    await signIn(page, email, `Vaara-Sala-${n}`);
    await expect(page.getByText("Sähköpostiosoite tai salasana on väärin.")).toBeVisible();
  }
  await signIn(page, email, "Vaara-Sala-6");
  await expect(
    page.getByText(/Liian monta yritystä\. Yritä uudelleen (\d+ )?minuutin kuluttua\./),
  ).toBeVisible();
});

test("[accounts] the profile changes the name and the language, and lists the organisation", async ({
  page,
}) => {
  const p = person();
  await signUp(page, p);
  await openMail(page, p.email, "Vahvista sähköpostiosoitteesi – Viestikone");
  const tab = await clickMailButton(page, "Vahvista sähköpostiosoite");
  await expect(tab.getByRole("heading", { name: "Sähköpostiosoite vahvistettu" })).toBeVisible();
  await signIn(tab, p.email, PASSWORD);
  await tab.waitForURL(`**/${p.slug}`);

  await tab.getByRole("link", { name: "Aino Virtanen" }).click();
  await expect(tab.getByRole("heading", { level: 1, name: "Omat tiedot" })).toBeVisible();
  await expect(tab.getByRole("link", { name: p.orgName })).toBeVisible();
  await tab.getByLabel("Sukunimi").fill("Virtanen-Koski");
  await tab.getByRole("button", { name: "Tallenna nimi" }).click();
  await expect(tab.getByText("Nimi tallennettu.")).toBeVisible();
  await tab.getByRole("radio", { name: "English" }).check();
  await tab.getByRole("button", { name: "Tallenna kieli" }).click();
  await expect(tab.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await tab.getByRole("link", { name: p.orgName }).click();
  await expect(tab.getByRole("link", { name: "Aino Virtanen-Koski" })).toBeVisible();
});
