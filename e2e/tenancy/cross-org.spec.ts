import { expect, test } from "@playwright/test";
import { DEMO, PARTNER, signIn } from "../fixtures/auth";

test("[tenancy] another organisation's pages do not exist for a non-member", async ({ page }) => {
  await signIn(page, DEMO);
  for (const path of [
    "/painotalo",
    "/painotalo/sandbox/outbox",
    "/painotalo/sandbox/phone",
    "/painotalo/users",
    "/painotalo/settings",
    "/painotalo/audit",
    "/painotalo/registers/suppressions",
    "/painotalo/sms/senders",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Sivua ei löytynyt" })).toBeVisible();
  }
});

test("[tenancy] another organisation's routes answer 404", async ({ page }) => {
  await signIn(page, DEMO);
  for (const path of ["/painotalo/audit/export", "/painotalo/audit/export?format=csv"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
  }
});

test("[tenancy] a forged server action for another organisation is refused and changes nothing", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO);
  const to = `forged-${Date.now()}@example.fi`;
  // Rewrite the form's organisation to one the user does not belong to, then submit.
  await page
    .locator('input[name="org"]')
    .first()
    .evaluate((el: HTMLInputElement) => (el.value = "painotalo"));
  await page.getByLabel("Vastaanottaja").fill(to);
  await page.getByRole("button", { name: "Lähetä" }).click();
  await expect(page.getByText("Sivua ei löytynyt.")).toBeVisible();

  const partner = await browser.newPage();
  await signIn(partner, PARTNER);
  await partner.goto("/painotalo/sandbox/outbox");
  await expect(partner.getByText(to)).toHaveCount(0);
  await partner.close();
});
