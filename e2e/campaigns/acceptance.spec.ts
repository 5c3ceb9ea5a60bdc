import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "../fixtures/auth";
import { createSegment } from "../registers/helpers";
import { makePng } from "../../lib/images/fixtures/make";
import { createCampaign } from "./helpers";

// Issue 5 acceptance, as a new user walks it: a two-column message with an image from the bank
// and a personalised subject → preview and test send → scheduled for the next minute to a
// segment → every recipient in the sandbox outbox exactly once with their own name → one
// recipient's open pixel and link click show up in the report with that person named.

const canvas = (page: Page) => page.getByRole("region", { name: "Viestin sisältö" });

/** Helsinki wall-clock date and time (yyyy-mm-dd, HH:MM) of `d`. */
function helsinki(d: Date) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Helsinki",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

test("[campaigns] acceptance: build, preview, test-send, schedule to a segment, track opens and clicks", async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await signIn(page, DEMO);

  // A segment of the demo register: first name starts with "Ma" (Maija and Matti, not Liisa).
  await page.goto(`/${DEMO.org}/registers`);
  await page.getByRole("link", { name: "Jäsenet" }).first().click();
  await page.waitForURL(/\/registers\/[0-9a-f-]{36}/);
  const registerPath = /^\/[^/]+\/registers\/[0-9a-f-]{36}/.exec(new URL(page.url()).pathname)![0];
  const segment = `Ma-alkuiset ${id}`;
  await createSegment(page, registerPath, segment, [
    { field: "Etunimi", operator: "alkaa", text: "Ma" },
  ]);

  // The campaign with a personalised subject, to that segment.
  const campaignId = await createCampaign(page, {
    name: `Kevätkirje ${id}`,
    target: `Jäsenet › ${segment}`,
    subject: `Hei {{ first_name }}, kevät ${id}`,
  });

  // Two columns: an image uploaded into the bank from the editor's picker, and a button.
  await page.goto(`/${DEMO.org}/campaigns/${campaignId}/content`);
  await page.getByRole("button", { name: "+ Otsikko" }).click();
  await page.getByLabel("Teksti", { exact: true }).fill("Kevään uutiset");
  await page.getByRole("button", { name: "+ 2 saraketta" }).click();
  await page.getByLabel("Lisää lohko sarakkeeseen 1").selectOption("image");
  await page.getByRole("button", { name: "Valitse kuvapankista" }).click();
  await page.getByLabel("Lataa uusi kuva").setInputFiles({
    name: `kevat-${id}.png`,
    mimeType: "image/png",
    buffer: makePng(160, 90),
  });
  await expect(canvas(page).getByRole("img", { name: `kevat-${id}` })).toBeVisible();
  await page.getByLabel("Lisää lohko sarakkeeseen 2").selectOption("button");
  await page.getByLabel("Painikkeen teksti", { exact: true }).fill("Lue lisää");
  await page.getByLabel("Linkin osoite", { exact: true }).fill(`https://example.fi/kevat-${id}`);
  await expect(
    page.getByRole("status").filter({ hasText: /Tallennettu \d{1,2}\.\d{2}/ }),
  ).toBeVisible();

  // Pre-flight: preview as Maija, then a test send; the version counts as checked.
  await page.goto(`/${DEMO.org}/campaigns/${campaignId}/preflight`);
  await page.getByLabel("Hae yhteystietoa (nimi tai sähköposti)").fill("maija");
  await page.getByRole("button", { name: "Hae", exact: true }).click();
  await page
    .getByLabel("Yhteystieto", { exact: true })
    .selectOption({ label: "Maija Meikäläinen <maija@example.fi>" });
  await page.getByRole("button", { name: "Näytä" }).click();
  await expect(page.getByTestId("preview-subject")).toHaveText(`Hei Maija, kevät ${id}`);
  await expect(
    page
      .frameLocator('iframe[title="Viestin esikatselu: Tietokone (1280 px)"]')
      .getByRole("img", { name: `kevat-${id}` }),
  ).toBeVisible();
  await page
    .getByLabel("Vastaanottajat (enintään 10", { exact: false })
    .fill(`testi-${id}@example.fi`);
  await page.getByRole("button", { name: "Lähetä testiviesti" }).click();
  await expect(
    page.getByText("Testiviesti lähetetty 1 osoitteeseen.", { exact: false }),
  ).toBeVisible();

  // Schedule for the next minute (Helsinki time).
  await page.goto(`/${DEMO.org}/campaigns/${campaignId}`);
  await expect(page.getByText("Kampanja on valmis lähetettäväksi.")).toBeVisible();
  // The next minute that is still at least 30 s away when the form is sent.
  const at = helsinki(new Date(Date.now() + 90_000));
  await page.getByRole("radio", { name: "Ajasta" }).check();
  await page.getByLabel("Päivä", { exact: true }).fill(at.date);
  await page.getByLabel("Kellonaika", { exact: true }).fill(at.time);
  await page.getByRole("button", { name: "Ajasta lähetys" }).click();
  await expect(page.getByText(/Ajastettu lähtemään/)).toBeVisible();

  // Within two minutes: Maija and Matti once each with their own name, Liisa not at all.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("Kampanja on lähetetty.")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 150_000, intervals: [3_000] });
  await page.goto(`/${DEMO.org}/sandbox/outbox`);
  // (The test send is there too, as "[TEST] Hei Maija, …": only real sends start with "Hei".)
  await expect(page.getByRole("link", { name: new RegExp(`^Hei \\S+, kevät ${id}`) })).toHaveCount(
    2,
  );
  for (const [first, email] of [
    ["Maija", "maija@example.fi"],
    ["Matti", "matti@example.fi"],
  ])
    await expect(
      page.getByRole("link", { name: new RegExp(`^Hei ${first}, kevät ${id}.*${email}`) }),
    ).toHaveCount(1);

  // Maija opens her message (its pixel) and clicks its link: both through the public routes.
  await page.getByRole("link", { name: new RegExp(`^Hei Maija, kevät ${id}`) }).click();
  const html = await page.getByTestId("message-html").getAttribute("srcdoc");
  const pixel = /src="([^"]*\/t\/o\/[^"]+)"/.exec(html ?? "")?.[1];
  const click = /href="([^"]*\/t\/c\/[^"]+)"/.exec(html ?? "")?.[1];
  expect(pixel, "open pixel in the message").toBeTruthy();
  expect(click, "tracked link in the message").toBeTruthy();
  const gif = await request.get(pixel!.replace(/&amp;/g, "&"));
  expect(gif.headers()["content-type"]).toBe("image/gif");
  const redirect = await request.get(click!.replace(/&amp;/g, "&"), { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()["location"]).toBe(`https://example.fi/kevat-${id}`);

  // The report counts them within seconds and names Maija.
  await page.goto(`/${DEMO.org}/campaigns/${campaignId}/report`);
  await expect(page.getByTestId("stat-uniqueOpens")).toContainText("1");
  await expect(page.getByTestId("stat-uniqueClicks")).toContainText("1");
  await expect(page.getByRole("heading", { name: "Avanneet (1)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Klikanneet (1)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Maija Meikäläinen" }).first()).toBeVisible();
  await expect(page.getByTestId("link-row")).toContainText(`https://example.fi/kevat-${id}`);
});
