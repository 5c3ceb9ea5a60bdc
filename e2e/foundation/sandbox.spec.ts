import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../fixtures/auth";

test("[foundation] a test e-mail goes through the job runner into the sandbox outbox", async ({
  page,
}) => {
  await signIn(page, DEMO);
  const to = `vastaanottaja-${Date.now()}@example.fi`;
  await page.getByLabel("Vastaanottaja").fill(to);
  await page.getByRole("button", { name: "Lähetä" }).click();
  await expect(page.getByText("Viesti on jonossa ja lähtee hetken kuluttua.")).toBeVisible();

  await page.getByRole("link", { name: "Testiposti" }).click();
  await page.waitForURL("**/demo/sandbox/outbox");
  const item = page.getByRole("link", { name: new RegExp(to) });
  await expect(async () => {
    await page.reload();
    await expect(item).toBeVisible({ timeout: 1000 });
  }).toPass();
  await item.click();
  await expect(page.getByRole("heading", { name: "Viestikoneen testiviesti" })).toBeVisible();
  const frame = page.frameLocator('iframe[title="HTML"]');
  await expect(frame.getByText("Testiviesti perillä")).toBeVisible();
  await page.getByRole("tab", { name: "Teksti" }).click();
  await expect(page.getByText("Jos luet tätä, sähköpostin lähetys toimii.")).toBeVisible();
  await page.getByRole("tab", { name: "Otsakkeet" }).click();
  await expect(page.getByRole("rowheader", { name: "Message-ID" })).toBeVisible();
  await expect(page.getByRole("cell", { name: to })).toBeVisible();
});

test("[foundation] the sandbox phone shows sent SMS with parts and encoding, and takes inbound SMS", async ({
  page,
}) => {
  await signIn(page, DEMO);
  await page.getByRole("link", { name: "Testipuhelin" }).click();
  await page.waitForURL("**/demo/sandbox/phone");
  const send = page.locator("form", {
    has: page.getByRole("button", { name: "Lähetä", exact: true }),
  });

  // A sender name with ä is refused with the character named; nothing is queued.
  await send.getByLabel("Lähettäjä").fill("Ääkkönen");
  await send.getByLabel("Vastaanottajan numero").fill("040 765 4321");
  await send.getByLabel("Viesti").fill("Hei");
  await send.getByRole("button", { name: "Lähetä", exact: true }).click();
  await expect(
    page.getByText("Merkki ”Ä” ei ole sallittu lähettäjän nimessä.", { exact: false }),
  ).toBeVisible();

  await send.getByLabel("Lähettäjä").fill("Kauppa");
  await send.getByLabel("Viesti").fill("Hei äiti, kahvia €2");
  await expect(send.getByText(/19 merkkiä · 1 osa · GSM-7/)).toBeVisible();
  await send.getByRole("button", { name: "Lähetä", exact: true }).click();
  await expect(page.getByText("Viesti on jonossa.")).toBeVisible();

  await expect(async () => {
    await page.goto("/demo/sandbox/phone?n=%2B358407654321");
    await expect(page.getByText("Hei äiti, kahvia €2")).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(page.getByText(/1 osa · GSM-7/)).toBeVisible();

  const inbound = page.locator("form", {
    has: page.getByRole("button", { name: "Lähetä lyhytnumeroon" }),
  });
  await inbound.getByLabel("Lähettäjän numero").fill("050 111 2222");
  await inbound.getByLabel("Lyhytnumero").fill("18230");
  await inbound.getByLabel("Viesti").fill("AANESTA 3");
  await inbound.getByRole("button", { name: "Lähetä lyhytnumeroon" }).click();
  await expect(page.getByText("Saapuva viesti tallennettu.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("cell", { name: "AANESTA 3" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "+358501112222" })).toBeVisible();
});

test("[foundation] the language switches to English and dates stay in Helsinki time", async ({
  page,
}) => {
  await signIn(page, DEMO);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Sandbox outbox" })).toBeVisible();
  await expect(page.getByText("Channels in use")).toBeVisible();
  await page.getByRole("button", { name: "Suomi" }).click();
  await expect(page.getByRole("link", { name: "Testiposti" })).toBeVisible();
});
