import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../fixtures/auth";

test("[email] the brand is edited with a live preview, bad colours are refused, and it is saved", async ({
  page,
}) => {
  await signIn(page, DEMO);
  await page.goto(`/${DEMO.org}/email/brand`);
  await expect(page.getByRole("heading", { level: 1, name: "Brändi" })).toBeVisible();
  const preview = page.frameLocator('iframe[title="Esimerkkiviesti brändin väreillä"]');
  const button = preview.getByRole("link", { name: "Tutustu tarjoukseen" });
  await expect(button).toBeVisible();
  await expect(preview.getByText("Hei asiakas!")).toBeVisible();
  await expect(preview.getByText("Peru tilaus tai muuta asetuksiasi")).toBeVisible();

  // The preview follows the form before anything is saved.
  const primary = page.getByRole("textbox", { name: "Pääväri (painikkeet ja linkit)" });
  await primary.fill("#aa3300");
  await expect(button).toHaveCSS("background-color", "rgb(170, 51, 0)");
  await page.getByLabel("Fontti").selectOption({ label: "Georgia" });
  await expect(preview.getByRole("heading", { name: "Hei asiakas!" })).toHaveCSS(
    "font-family",
    /Georgia/,
  );

  // A colour the server cannot accept is named, and what was typed stays.
  const text = page.getByRole("textbox", { name: "Tekstin väri" });
  await text.fill("sininen");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByText("Anna väri muodossa #rrggbb.")).toBeVisible();
  await expect(text).toHaveValue("sininen");
  await expect(primary).toHaveValue("#aa3300");

  await text.fill("#222222");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByRole("status").getByText("Brändi tallennettu.")).toBeVisible();
  await page.reload();
  await expect(primary).toHaveValue("#aa3300");
  await expect(page.getByRole("textbox", { name: "Tekstin väri" })).toHaveValue("#222222");
  await expect(button).toHaveCSS("background-color", "rgb(170, 51, 0)");
});

test("[email] another organisation's brand page does not exist", async ({ page }) => {
  await signIn(page, DEMO);
  const res = await page.goto("/painotalo/email/brand");
  expect(res?.status()).toBe(404);
});
