import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../fixtures/auth";

test("[accounts] a main user's test e-mail and organisation changes appear in the audit log, which exports to CSV", async ({
  page,
}) => {
  await signIn(page, DEMO);
  const to = `loki-${Date.now()}@example.fi`;
  await page.getByLabel("Vastaanottaja").fill(to);
  await page.getByRole("button", { name: "Lähetä" }).click();
  await expect(page.getByText("Viesti on jonossa ja lähtee hetken kuluttua.")).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Päävalikko" });
  await nav.getByRole("link", { name: "Organisaatio" }).click();
  await page.waitForURL("**/demo/settings");
  await expect(page.getByText("100001")).toBeVisible();
  const address = `Testikatu ${Date.now() % 1000}\n00100 Helsinki`;
  // A wrong check digit is explained, and what was typed stays in the form.
  await page.getByLabel("Y-tunnus").fill("1234567-2");
  await page.getByLabel("Laskutusosoite").fill(address);
  await page.getByLabel("Yhteyssähköpostit").fill("laskutus@demo.fi\nei osoite");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByText("Y-tunnus ei ole kelvollinen.", { exact: false })).toBeVisible();
  await expect(page.getByText("Rivin 2 osoite ei ole kelvollinen sähköpostiosoite.")).toBeVisible();
  await expect(page.getByLabel("Laskutusosoite")).toHaveValue(address);

  await page.getByLabel("Y-tunnus").fill("1234567-1");
  await page.getByLabel("Yhteyssähköpostit").fill("laskutus@demo.fi");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByText("Tiedot tallennettu.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Laskutusosoite")).toHaveValue(address);

  await nav.getByRole("link", { name: "Tapahtumaloki" }).click();
  await page.waitForURL("**/demo/audit");
  const changed = page.getByRole("cell", {
    name: "Dora Demo muutti organisaation tietoja: laskutusosoite, yhteyssähköpostit",
  });
  await expect(changed).toBeVisible();
  await expect(
    page.getByRole("cell", { name: `Dora Demo lähetti testisähköpostin osoitteeseen ${to}` }),
  ).toBeVisible();

  await page
    .getByLabel("Tapahtuman tyyppi")
    .selectOption({ label: "Organisaation tietojen muutos" });
  await page.getByRole("button", { name: "Näytä" }).click();
  await expect(changed).toBeVisible();
  await expect(
    page.getByRole("cell", { name: `Dora Demo lähetti testisähköpostin osoitteeseen ${to}` }),
  ).toHaveCount(0);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Vie CSV-tiedostoksi" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv).toContain(
    "Dora Demo muutti organisaation tietoja: laskutusosoite, yhteyssähköpostit",
  );
  expect(csv).not.toContain(to);

  await page.goto("/demo/audit");
  await expect(
    page.getByRole("cell", {
      name: /Dora Demo vei tapahtumalokin CSV-tiedostoksi \(\d+ tapahtuma/,
    }),
  ).toBeVisible();
});

test("[accounts] another organisation's audit log and export do not exist", async ({ page }) => {
  await signIn(page, DEMO);
  for (const path of ["/painotalo/audit", "/painotalo/settings"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const res = await page.request.get("/painotalo/audit/export");
  expect(res.status()).toBe(404);
  expect(await res.text()).not.toContain(";");
});
