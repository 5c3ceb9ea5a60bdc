import { expect, test, type Page } from "@playwright/test";
import { clickMailButton } from "../fixtures/accounts";
import { DEMO, PARTNER, signIn } from "../fixtures/auth";

// E5/E6 as a marketer walks them: add a sender and verify it from the mail in the sandbox
// outbox, create a campaign from it, open its pre-flight, look at the previews and the text part,
// send a test and find it in the outbox.

/** Opens the newest message in the organisation's sandbox outbox whose row matches `name`. */
async function openOutboxMail(page: Page, name: RegExp) {
  await page.goto(`/${DEMO.org}/sandbox/outbox`);
  const item = page.getByRole("link", { name }).first();
  await expect(async () => {
    await page.reload();
    await expect(item).toBeVisible({ timeout: 1000 });
  }).toPass();
  await item.click();
}

test("[campaigns] adds and verifies a sender, previews a campaign and test-sends it", async ({
  page,
}) => {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const address = `kirje-${id}@example.fi`;
  await signIn(page, DEMO);

  // E6: add a sender; a verification link is mailed to it.
  await page.goto(`/${DEMO.org}/email/senders`);
  await page.getByLabel("Sähköpostiosoite").fill(address);
  await page.getByLabel("Lähettäjän nimi (näkyy vastaanottajalle)").fill("Syyskirje");
  await page.getByRole("button", { name: "Lisää ja lähetä vahvistuslinkki" }).click();
  await expect(page.getByText("Lähettäjä lisätty.")).toBeVisible();
  await expect(page.getByText(`Syyskirje <${address}>`)).toBeVisible();
  await expect(page.getByText(/Odottaa vahvistusta/).first()).toBeVisible();

  // The mail's link shows a confirm button; opening it alone verifies nothing.
  await openOutboxMail(
    page,
    new RegExp(`Vahvista lähettäjäosoite.*${address.replace(/[.]/g, "\\.")}`),
  );
  const tab = await clickMailButton(page, "Vahvista osoite");
  await expect(tab.getByRole("heading", { name: "Vahvista lähettäjäosoite" })).toBeVisible();
  await tab.getByRole("button", { name: "Vahvista osoite" }).click();
  await expect(tab.getByText(`Kiitos! Osoite ${address} on nyt vahvistettu`)).toBeVisible();
  await tab.close();
  await page.goto(`/${DEMO.org}/email/senders`);
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: address })
      .getByText(/^Vahvistettu/),
  ).toBeVisible();

  // A campaign from the verified sender to the demo register, with a personalised subject.
  await page.goto(`/${DEMO.org}/campaigns/new`);
  await page.getByLabel("Kampanjan nimi").fill(`Syyskirje ${id}`);
  await page
    .getByLabel("Vastaanottajat", { exact: true })
    .selectOption({ label: "Jäsenet (koko rekisteri)" });
  await page
    .getByLabel("Lähettäjä", { exact: true })
    .selectOption({ label: `Syyskirje <${address}>` });
  await page.getByLabel("Aihe", { exact: true }).fill("Syystervehdys {{ first_name }}");
  await page.getByRole("button", { name: "Luo kampanja" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: new RegExp(`Syyskirje ${id}`) }),
  ).toBeVisible();

  // E5: the pre-flight tab previews the message as a contact of the register.
  await page.getByRole("link", { name: "Esitarkastus" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Esitarkastus" })).toBeVisible();
  await page.getByLabel("Hae yhteystietoa (nimi tai sähköposti)").fill("liisa");
  await page.getByRole("button", { name: "Hae", exact: true }).click();
  await page
    .getByLabel("Yhteystieto", { exact: true })
    .selectOption({ label: "Liisa Korhonen <liisa@example.fi>" });
  await page.getByRole("button", { name: "Näytä" }).click();
  await expect(page.getByTestId("preview-contact")).toHaveText(/Liisa Korhonen/);
  await expect(page.getByTestId("preview-subject")).toHaveText("Syystervehdys Liisa");
  for (const view of ["Puhelin (375 px)", "Tietokone (1280 px)", "Tumma tila (375 px)"])
    await expect(page.locator(`iframe[title="Viestin esikatselu: ${view}"]`)).toBeVisible();
  // The message's footer (address source, unsubscribe) is in the HTML and in the text part.
  await expect(
    page
      .frameLocator('iframe[title="Viestin esikatselu: Puhelin (375 px)"]')
      .getByText(/Demo Oy/)
      .first(),
  ).toBeVisible();
  await expect(page.getByTestId("preview-text")).toContainText("Demo Oy");
  await expect(
    page.getByText("Tätä versiota ei ole vielä tarkistettu", { exact: false }),
  ).toBeVisible();

  // Link/image check and the spam score (rspamd when the server has SPAM_CHECK_URL, as CI does).
  await page.getByRole("button", { name: "Tarkista linkit, kuvat ja rspamd" }).click();
  await expect(page.getByRole("table", { name: "Linkit ja kuvat" })).toBeVisible();
  if (process.env.SPAM_CHECK_URL)
    await expect(page.getByTestId("rspamd-score")).toContainText(
      /Pisteet -?\d+\.\d\d \/ \d+\.\d\d/,
    );
  else await expect(page.getByText("rspamd ei ole käytössä", { exact: false })).toBeVisible();

  // Test send: in the sandbox outbox with [TEST] and Liisa's name; the version counts as checked.
  await page
    .getByLabel("Vastaanottajat (enintään 10", { exact: false })
    .fill(`testi-${id}@example.fi`);
  await page.getByRole("button", { name: "Lähetä testiviesti" }).click();
  await expect(
    page.getByText("Testiviesti lähetetty 1 osoitteeseen.", { exact: false }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByText("on tarkistettu – kampanjan voi lähettää", { exact: false }),
  ).toBeVisible();
  await openOutboxMail(page, new RegExp(`\\[TEST\\] Syystervehdys Liisa.*testi-${id}`));
  await expect(page.getByText(`"Syyskirje" <${address}>`).first()).toBeVisible();
});

test("[campaigns] another organisation cannot see or change senders and pre-flight", async ({
  page,
  browser,
}) => {
  // The demo organisation's seeded draft campaign, by its id.
  await signIn(page, DEMO);
  await page.goto(`/${DEMO.org}/campaigns`);
  await page.getByRole("link", { name: "Tervetuloa-kirje" }).first().click();
  await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
  const campaignId = new URL(page.url()).pathname.split("/")[3]!;

  const other = await browser.newPage();
  await signIn(other, PARTNER);
  for (const path of [
    `/${DEMO.org}/email/senders`,
    `/${DEMO.org}/campaigns/${campaignId}/preflight`,
    `/${PARTNER.org}/campaigns/${campaignId}/preflight`,
  ]) {
    const res = await other.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  // A forged add-sender form for the demo organisation is refused and adds nothing there.
  const forged = `forged-${Date.now()}@example.fi`;
  await other.goto(`/${PARTNER.org}/email/senders`);
  await other
    .locator('form:has(button:has-text("Lisää ja lähetä vahvistuslinkki")) input[name="org"]')
    .evaluate((el: HTMLInputElement) => (el.value = "demo"));
  await other.getByLabel("Sähköpostiosoite").fill(forged);
  await other.getByRole("button", { name: "Lisää ja lähetä vahvistuslinkki" }).click();
  await expect(other.getByText("Sivua ei löytynyt.")).toBeVisible();
  await page.goto(`/${DEMO.org}/email/senders`);
  await expect(page.getByText(forged)).toHaveCount(0);
  await other.close();
});
