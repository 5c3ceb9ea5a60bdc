import { expect, test } from "@playwright/test";
import { DEMO, PARTNER, signIn } from "../fixtures/auth";

test("[operator] an operator suspends an organisation: its users see the notice and cannot send until it is lifted", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO);
  await page.getByRole("link", { name: "Ylläpito" }).click();
  await page.waitForURL("**/operator");
  await page
    .getByLabel("Hae nimellä, osoitteella, Y-tunnuksella tai asiakasnumerolla")
    .fill("Painotalo");
  await page.getByRole("button", { name: "Hae", exact: true }).click();
  await expect(page.getByText("1 organisaatio", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: PARTNER.orgName }).click();
  await expect(page.getByRole("heading", { level: 1, name: PARTNER.orgName })).toBeVisible();
  await expect(page.getByRole("cell", { name: PARTNER.email })).toBeVisible();

  await page.getByRole("button", { name: "Keskeytä käyttö" }).click();
  await expect(page.getByText("Organisaation käyttö keskeytetty.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Poista keskeytys" })).toBeVisible();

  const partner = await browser.newPage();
  await signIn(partner, PARTNER);
  // (Next's route announcer is an alert too: look for the notice by its text.)
  const notice = partner.getByRole("alert").filter({
    hasText: "Organisaation käyttö on keskeytetty. Viestien lähettäminen ei ole mahdollista.",
  });
  await expect(notice).toBeVisible();
  const to = `keskeytetty-${Date.now()}@example.fi`;
  await partner.getByLabel("Vastaanottaja").fill(to);
  await partner.getByRole("button", { name: "Lähetä" }).click();
  await expect(partner.getByRole("status")).toHaveText("Organisaation käyttö on keskeytetty.");
  // The operator's action is in the organisation's own audit log.
  await partner.getByRole("link", { name: "Tapahtumaloki" }).click();
  await expect(
    partner.getByRole("cell", { name: "Ylläpitäjä Dora Demo keskeytti organisaation käytön" }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Poista keskeytys" }).click();
  await expect(page.getByText("Keskeytys poistettu.")).toBeVisible();
  await partner.goto(`/${PARTNER.org}`);
  await expect(notice).toHaveCount(0);
  await partner.getByLabel("Vastaanottaja").fill(to);
  await partner.getByRole("button", { name: "Lähetä" }).click();
  await expect(partner.getByText("Viesti on jonossa ja lähtee hetken kuluttua.")).toBeVisible();
  await partner.close();

  // The partner role can be revoked and granted again.
  await page.getByRole("button", { name: "Poista kumppanirooli" }).click();
  await expect(page.getByText("Kumppanirooli poistettu.")).toBeVisible();
  await page.getByRole("button", { name: "Myönnä kumppanirooli" }).click();
  await expect(page.getByText("Kumppanirooli myönnetty.")).toBeVisible();
});

test("[operator] the operator area does not exist for a non-operator", async ({ page }) => {
  await signIn(page, PARTNER);
  await expect(page.getByRole("link", { name: "Ylläpito" })).toHaveCount(0);
  for (const path of [
    "/operator",
    "/operator?q=Demo",
    "/operator/orgs/00000000-0000-4000-8000-000000000000",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Sivua ei löytynyt" })).toBeVisible();
  }
});
