import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../fixtures/auth";

/** A page on another origin (another port) that carries the copied form code, as a customer's site would. */
function serveOtherOrigin(html: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Asiakkaan sivu</title></head><body><h1>Asiakkaan sivu</h1>${html}</body></html>`,
    );
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

test("[registers] join through the embedded form on another origin, confirm from the outbox, leave again", async ({
  page,
}) => {
  await signIn(page, DEMO);
  const run = Date.now();
  const name = `Uutiskirje ${run}`;
  await page.goto(`/${DEMO.org}/registers`);
  await page.getByLabel("Nimi", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Luo rekisteri" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const registerUrl = page.url();

  // Enable joining with double opt-in and ask for the first name too.
  await page.getByRole("link", { name: "Julkiset lomakkeet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Julkiset lomakkeet" })).toBeVisible();
  await page.getByLabel("Salli liittyminen verkossa").check();
  await expect(page.getByLabel(/Kaksivaiheinen liittyminen/)).toBeChecked();
  await page.getByRole("checkbox", { name: "Etunimi" }).check();
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByText("Tallennettu.")).toBeVisible();
  await page.reload();
  const code = await page.getByLabel("Liittymislomake", { exact: true }).inputValue();
  expect(code).toContain('<form method="post" action="http://127.0.0.1:');
  expect(code).toContain('name="website"');
  const leaveUrl = await page.getByRole("link", { name: /\/leave$/ }).getAttribute("href");

  // A person fills the copied form on the customer's own site (another origin).
  const other = await serveOtherOrigin(code);
  try {
    const email = `liittyja-${run}@example.fi`;
    await page.goto(other.url);
    await page.getByRole("textbox", { name: /^Sähköposti/ }).fill(email);
    await page.getByLabel("Etunimi").fill("Liisa");
    await page.getByRole("checkbox", { name: /Haluan saada/ }).check();
    // The form refuses submissions faster than 3 seconds (bot protection); a person takes longer.
    await page.waitForTimeout(3500);
    await page.getByRole("button", { name: "Liity" }).click();
    await page.waitForURL(/\/p\/r\/[^/]+\/done\?f=join/);
    await expect(page.getByText(/Melkein valmista/)).toBeVisible();

    // The confirmation mail is in the sandbox outbox; its link confirms once.
    await page.goto(`/${DEMO.org}/sandbox/outbox`);
    const item = page.getByRole("link", { name: new RegExp(email) });
    await expect(async () => {
      await page.reload();
      await expect(item).toBeVisible({ timeout: 1000 });
    }).toPass();
    await item.click();
    await expect(
      page.getByRole("heading", { name: `Vahvista liittyminen: ${name}` }),
    ).toBeVisible();
    const frame = page.frameLocator('iframe[title="HTML"]');
    const [confirmPage] = await Promise.all([
      page.waitForEvent("popup"),
      frame.getByRole("link", { name: "Vahvista liittyminen" }).click(),
    ]);
    await expect(confirmPage.getByText(`rekisteriin ${name}`)).toBeVisible();
    await confirmPage.getByRole("button", { name: "Vahvista" }).click();
    await expect(confirmPage.getByText(`Kiitos! Liityit organisaation`)).toBeVisible();
    await confirmPage.close();

    // The endpoint answers other origins' scripts with JSON and plain forms with a redirect.
    const action = /action="([^"]+)"/.exec(code)![1]!;
    const tooFast = await page.request.post(action, {
      form: { email: `bot-${run}@example.fi`, consent: "yes", t: "e100", lang: "fi" },
      headers: { Accept: "application/json", Origin: "http://asiakas.example" },
    });
    expect(tooFast.status()).toBe(400);
    expect(tooFast.headers()["access-control-allow-origin"]).toBe("*");
    expect(await tooFast.json()).toMatchObject({ ok: false, error: "publicForms.errors.tooFast" });
    const bad = await page.request.post(action, {
      form: { email: "ei-osoite", consent: "yes", t: "e5000", lang: "fi" },
      maxRedirects: 0,
    });
    expect(bad.status()).toBe(303);
    expect(bad.headers()["location"]).toMatch(
      /\/done\?f=join&error=publicForms.errors.fix&fields=email/,
    );
    const unknown = await page.request.post(
      action.replace(/\/p\/r\/[^/]+\//, "/p/r/tuntematon-avain-123/"),
      {
        form: { email: `x-${run}@example.fi`, t: "e5000" },
        headers: { Accept: "application/json" },
      },
    );
    expect(unknown.status()).toBe(404);

    // Leave through the hosted leave page.
    await page.goto(leaveUrl!);
    await page.getByLabel("Sähköposti").fill(email);
    await page.waitForTimeout(3500);
    await page.getByRole("button", { name: "Eroa" }).click();
    await expect(page.getByText(/on nyt poistettu sen markkinointilistalta/)).toBeVisible();

    // The contact's page shows the three events with time and source.
    await page.goto(registerUrl);
    await expect(page.getByRole("row", { name: /Liisa/ })).toContainText("Eronnut");
    await page.getByRole("link", { name: "Liisa" }).click();
    await expect(page.getByTestId("consent-email")).toHaveText("Sähköposti: Eronnut");
    const rows = page.getByTestId("consent-event");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText("Erosi");
    await expect(rows.nth(0)).toContainText("Verkkolomake");
    await expect(rows.nth(1)).toContainText("Vahvisti");
    await expect(rows.nth(1)).toContainText("Vahvistuslinkki");
    await expect(rows.nth(2)).toContainText("Liittyi");
    await expect(rows.nth(2)).toContainText("Verkkolomake");
    await expect(rows.nth(2)).toContainText("Haluan saada");
    for (let i = 0; i < 3; i++) await expect(rows.nth(i)).toContainText(/\d{1,2}\.\d{1,2}\.\d{4}/);

    // The unsubscribe put the address on the suppression list.
    await page.goto(`/${DEMO.org}/registers/suppressions`);
    await page.getByLabel("Hae osoitteella").fill(email.toUpperCase());
    await page.getByRole("button", { name: "Hae" }).click();
    await expect(page.getByRole("cell", { name: email })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Eronnut" })).toBeVisible();
  } finally {
    other.server.close();
  }
});

test("[registers] the hosted join page refuses a too fast submission, keeps the input and then joins", async ({
  page,
}) => {
  await signIn(page, DEMO);
  const run = Date.now();
  const name = `Kerho ${run}`;
  await page.goto(`/${DEMO.org}/registers`);
  await page.getByLabel("Nimi", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Lisää sarake" }).click();
  await page.getByLabel("Sarakkeen nimi").fill("Kiinnostukset");
  await page.getByLabel("Tyyppi").selectOption({ label: "Monivalinta" });
  await page.getByLabel("Vaihtoehdot").fill("golf\ntennis");
  await page.getByRole("button", { name: "Luo rekisteri" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("link", { name: "Julkiset lomakkeet" }).click();
  await page.getByLabel("Salli liittyminen verkossa").check();
  await page.getByLabel(/Kaksivaiheinen liittyminen/).uncheck();
  await page.getByRole("checkbox", { name: "Kiinnostukset" }).check();
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByText("Tallennettu.")).toBeVisible();
  const joinUrl = await page.getByRole("link", { name: /\/p\/r\/[^/]+$/ }).getAttribute("href");

  await page.goto(joinUrl!);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const email = `kerholainen-${run}@example.fi`;
  await page.getByRole("textbox", { name: /^Sähköposti/ }).fill(email);
  await page.getByRole("textbox", { name: "Etunimi" }).fill("Kalle");
  await page.getByRole("checkbox", { name: "golf" }).check();
  await page.getByRole("checkbox", { name: "tennis" }).check();
  await page.getByRole("checkbox", { name: /Haluan saada/ }).check();
  await page.getByRole("button", { name: "Liity" }).click();
  await expect(
    page.getByText("Lomake lähetettiin liian nopeasti.", { exact: false }),
  ).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Sähköposti/ })).toHaveValue(email);
  await expect(page.getByRole("textbox", { name: "Etunimi" })).toHaveValue("Kalle");
  await expect(page.getByRole("checkbox", { name: "golf" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "tennis" })).toBeChecked();
  // A person who waits a moment gets through (the stamp is the page's render time).
  await page.waitForTimeout(3000);
  await page.getByRole("button", { name: "Liity" }).click();
  await expect(page.getByText(`Kiitos, liityit rekisteriin ${name}.`)).toBeVisible();

  await page.goto(`/${DEMO.org}/registers`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("row", { name: /Kalle/ })).toContainText("Tilaaja");
  await page.getByRole("link", { name: "Kalle" }).click();
  await expect(page.getByText("golf, tennis")).toBeVisible();

  // The suppression list: an editor adds an address by hand, a main user removes it.
  const blocked = `esto-${run}@example.fi`;
  await page.goto(`/${DEMO.org}/registers`);
  await page.getByRole("link", { name: "Estolista" }).click();
  await page.getByLabel("Sähköpostiosoite tai puhelinnumero").fill(blocked);
  await page.getByLabel("Lisätieto (vapaaehtoinen)").fill("pyysi puhelimessa");
  await page.getByRole("button", { name: "Lisää listalle" }).click();
  await expect(page.getByText("Lisätty.")).toBeVisible();
  await page.getByLabel("Sähköpostiosoite tai puhelinnumero").fill(blocked);
  await page.getByRole("button", { name: "Lisää listalle" }).click();
  await expect(page.getByText("Osoite on jo estolistalla.").first()).toBeVisible();
  await page.getByLabel("Hae osoitteella").fill(blocked);
  await page.getByRole("button", { name: "Hae" }).click();
  const row = page.getByRole("row", { name: new RegExp(blocked) });
  await expect(row).toContainText("Lisätty käsin");
  await expect(row).toContainText("pyysi puhelimessa");
  await row.getByRole("button", { name: "Poista" }).click();
  await row.getByRole("button", { name: "Poista" }).click();
  await expect(page.getByText(`Haulla ”${blocked}” ei löytynyt merkintöjä.`)).toBeVisible();
});
