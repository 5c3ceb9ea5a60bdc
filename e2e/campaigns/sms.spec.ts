import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "../fixtures/auth";
import { createRegisterWithColumns } from "../registers/helpers";

// Issue 6 (S1–S3) as a main user walks it: an allowed sender name, a register of two contacts
// with SMS consent, an SMS campaign with a live GSM-7 → UCS-2 count and a cost estimate, its
// text saved as a template and applied to a second campaign, sent now, and each number's
// message on the sandbox phone with its parts and encoding.

/** Adds a contact with a phone number and records their SMS consent by hand. */
async function addSmsContact(
  page: Page,
  registerPath: string,
  c: { firstName: string; lastName: string; phone: string },
) {
  await page.goto(`${registerPath}/contacts/new`);
  await page.getByLabel("Etunimi").fill(c.firstName);
  await page.getByLabel("Sukunimi").fill(c.lastName);
  await page.getByLabel("Puhelin").fill(c.phone);
  await page.getByRole("button", { name: "Lisää yhteystieto" }).click();
  await page.getByRole("link", { name: `${c.lastName} ${c.firstName}` }).click();
  await page.getByLabel("Kanava", { exact: true }).selectOption({ label: "Tekstiviesti" });
  await page.getByLabel("Muutos", { exact: true }).selectOption("subscribe");
  await page.getByRole("button", { name: "Kirjaa", exact: true }).click();
  await expect(page.getByText("Kirjattu.")).toBeVisible();
}

test("[campaigns] SMS campaign: sender, live GSM-7/UCS-2 count, cost, template, send, sandbox phone", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const id = `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 10)}`;
  const sender = `Ale${id}`;
  const digits = String(Date.now()).slice(-6);
  const people = [
    { firstName: "Aino", lastName: "Tekstaaja", phone: `+35840${digits}1` },
    { firstName: "Eino", lastName: "Tekstaaja", phone: `+35840${digits}2` },
  ];
  await signIn(page, DEMO);

  // S2: the main user allows a sender name.
  await page.goto(`/${DEMO.org}/sms/senders`);
  await page.getByLabel("Lähettäjän nimi tai numero").fill(sender);
  await page.getByRole("button", { name: "Lisää", exact: true }).click();
  await expect(page.getByText("Lähettäjä lisätty.")).toBeVisible();

  // A register of two contacts with a phone and SMS consent.
  const register = `Tekstiasiakkaat ${id}`;
  const registerPath = await createRegisterWithColumns(page, register, []);
  for (const p of people) await addSmsContact(page, registerPath, p);

  // The campaign list offers SMS; the form opens on the SMS channel.
  await page.goto(`/${DEMO.org}/campaigns`);
  await page.getByRole("link", { name: "Uusi SMS-kampanja" }).click();
  await expect(page.getByRole("radio", { name: "SMS" })).toBeChecked();
  await page.getByLabel("Kampanjan nimi").fill(`Kevätale ${id}`);
  await page
    .getByLabel("Vastaanottajat", { exact: true })
    .selectOption({ label: `${register} (koko rekisteri)` });
  await page.getByLabel("SMS-lähettäjä").selectOption(sender);
  await page.getByLabel("Viestin teksti").fill(`Hei {{ first_name }}! Kevätale ${id} alkaa.`);
  await page.getByRole("button", { name: "Luo kampanja" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Kevätale ${id}` })).toBeVisible();
  const campaignPath = new URL(page.url()).pathname;
  await expect(page.locator("dd").filter({ hasText: new RegExp(`^${sender}$`) })).toBeVisible();

  // S3: the live count says GSM-7, one part of 160 …
  await page.goto(`${campaignPath}/content`);
  const template = page.getByTestId("sms-template-count");
  await expect(template.getByTestId("sms-encoding")).toHaveText("GSM-7");
  await expect(template.getByTestId("sms-parts")).toHaveText("1 × 160");
  await expect(page.getByTestId("sms-preview")).toHaveText(`Hei Aino! Kevätale ${id} alkaa.`);

  // … until an emoji forces UCS-2: highlighted and named, 70 per part.
  const text = page.getByLabel("Viestin teksti");
  await text.fill(`Hei {{ first_name }}! Kevätale ${id} alkaa 😀`);
  await expect(template.getByTestId("sms-encoding")).toHaveText("UCS-2");
  await expect(template.getByTestId("sms-parts")).toHaveText("1 × 70");
  await expect(template.locator("mark")).toHaveText("😀");
  await expect(template.getByTestId("sms-ucs2-note")).toContainText("“😀” pakottaa UCS-2");
  await expect(page.getByTestId("sms-preview")).toHaveText(`Hei Aino! Kevätale ${id} alkaa 😀`);

  // An unknown merge field is refused on save, and the text stays as typed.
  const invalid = `Hei {{ lempinimi }}! Kevätale ${id} alkaa 😀`;
  await text.fill(invalid);
  await expect(
    page.getByText('Yhdistelykenttää "lempinimi" ei ole tässä rekisterissä.').first(),
  ).toBeVisible();
  await expect(text).toHaveValue(invalid);
  await text.fill(`Hei {{ first_name }}! Kevätale ${id} alkaa 😀`);

  // The cost for the whole audience: 2 recipients × 1 part × 6,9 snt = 0,14 €.
  const cost = page.getByTestId("sms-cost");
  await expect(cost).toContainText(/0,14\s€/);
  await expect(cost).toContainText("2 vastaanottajaa × 1 osa × 6,9 snt/osa");
  await expect(page.getByRole("status").filter({ hasText: /Tallennettu/ })).toBeVisible();

  // S1 templates: the saved text becomes an SMS template …
  const final = `Hei {{ first_name }}! Kevätale ${id} alkaa 😀`;
  const templateName = `Kevätpohja ${id}`;
  await page.getByLabel("Uuden pohjan nimi").fill(templateName);
  await page.getByRole("button", { name: "Tallenna pohjaksi" }).click();
  await expect(page.getByText(`Tallennettu pohjaksi: ${templateName}`)).toBeVisible();
  await page.goto(`/${DEMO.org}/email/templates`);
  await expect(
    page.getByRole("region", { name: "SMS-pohjat" }).getByText(templateName),
  ).toBeVisible();

  // … which replaces another SMS campaign's text after confirming.
  await page.goto(`/${DEMO.org}/campaigns/new?channel=sms`);
  await expect(page.getByRole("radio", { name: "SMS" })).toBeChecked();
  await page.getByLabel("Kampanjan nimi").fill(`Toinen ale ${id}`);
  await page
    .getByLabel("Vastaanottajat", { exact: true })
    .selectOption({ label: `${register} (koko rekisteri)` });
  await page.getByLabel("SMS-lähettäjä").selectOption(sender);
  await page.getByLabel("Viestin teksti").fill("Vanha teksti");
  await page.getByRole("button", { name: "Luo kampanja" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Toinen ale ${id}` })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/content`);
  await expect(page.getByLabel("Viestin teksti")).toHaveValue("Vanha teksti");
  await page
    .getByRole("combobox", { name: "Pohja", exact: true })
    .selectOption({ label: templateName });
  await page.getByRole("button", { name: "Käytä pohjaa" }).click();
  await expect(page.getByText("Pohja korvaa viestin nykyisen sisällön.")).toBeVisible();
  await page.getByRole("button", { name: "Korvaa sisältö" }).click();
  await expect(page.getByLabel("Viestin teksti")).toHaveValue(final);
  await expect(page.getByTestId("sms-preview")).toHaveText(`Hei Aino! Kevätale ${id} alkaa 😀`);

  // The settings have the sender name instead of the e-mail fields.
  await page.goto(campaignPath);
  await expect(page.getByLabel("SMS-lähettäjä")).toHaveValue(sender);
  await expect(page.getByLabel("Aihe", { exact: true })).toHaveCount(0);

  // Pre-flight: the text as Eino gets it, and a test SMS to a third number.
  const testNumber = `+35850${digits}9`;
  await page.goto(`${campaignPath}/preflight`);
  await page
    .getByLabel("Yhteystieto", { exact: true })
    .selectOption({ label: `Eino Tekstaaja (${people[1]!.phone})` });
  await page.getByRole("button", { name: "Näytä", exact: true }).click();
  await expect(page.getByTestId("sms-preflight-text")).toHaveText(
    `Hei Eino! Kevätale ${id} alkaa 😀`,
  );
  await page.getByLabel("Puhelinnumerot", { exact: false }).fill(testNumber);
  await page.getByRole("button", { name: "Lähetä testiviesti" }).click();
  await expect(page.getByText("Testiviesti lähetetty 1 numeroon.")).toBeVisible();
  await expect(async () => {
    await page.goto(`/${DEMO.org}/sandbox/phone?n=${encodeURIComponent(testNumber)}`);
    await expect(
      page.getByRole("listitem").filter({ hasText: `Hei Eino! Kevätale ${id}` }),
    ).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // Send now: SMS needs no e-mail pre-flight.
  await page.goto(campaignPath);
  await expect(page.getByText("Kampanja on valmis lähetettäväksi.")).toBeVisible();
  await page.getByRole("button", { name: "Lähetä nyt" }).click();
  await expect(page.getByText("Kampanja on lähetetty.")).toBeVisible({ timeout: 60_000 });

  // The list shows the channel.
  await page.goto(`/${DEMO.org}/campaigns`);
  // (by the name the row starts with: the second campaign's text mentions "Kevätale" too)
  const row = page.getByRole("row", { name: new RegExp(`^Kevätale ${id}`) });
  await expect(row.getByTestId("campaign-channel")).toHaveText("SMS");

  // Each number got its own message once, with parts and encoding, from the sender name.
  for (const p of people) {
    await page.goto(`/${DEMO.org}/sandbox/phone?n=${encodeURIComponent(p.phone)}`);
    const msg = page.getByRole("listitem").filter({ hasText: `Kevätale ${id}` });
    await expect(msg).toHaveCount(1);
    await expect(msg).toContainText(`Hei ${p.firstName}! Kevätale ${id} alkaa 😀`);
    await expect(msg).toContainText(sender);
    await expect(msg).toContainText("1 osa · UCS-2");
  }
});
