import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "../fixtures/auth";
import { createRegisterWithColumns } from "../registers/helpers";
import { createCampaign } from "./helpers";
import { makePng } from "../../lib/images/fixtures/make";

const canvas = (page: Page) => page.getByRole("region", { name: "Viestin sisältö" });

/** Drags one block's handle onto another's with real pointer moves (dnd-kit needs several). */
async function drag(page: Page, from: string, to: string) {
  const a = await page.getByRole("button", { name: from }).boundingBox();
  const b = await page.getByRole("button", { name: to }).boundingBox();
  await page.mouse.move(a!.x + a!.width / 2, a!.y + a!.height / 2);
  await page.mouse.down();
  await page.mouse.move(a!.x + a!.width / 2, a!.y + a!.height / 2 - 10, { steps: 5 });
  await page.mouse.move(b!.x + b!.width / 2, b!.y - 5, { steps: 15 });
  await page.mouse.up();
  // dnd-kit swallows every click for 50 ms after a drop (its pointer sensor keeps a capturing
  // click listener that long, so the dropped element is not clicked): a person never clicks that
  // fast, a test does, and the next click ("Kumoa") would be lost. Wait as a person would.
  await page.waitForTimeout(150);
}

test("[campaigns] builds a two-column message with a bank image, reorders, undoes, autosaves", async ({
  page,
  request,
}) => {
  await signIn(page, DEMO);
  const registerName = `Editorin rekisteri ${Date.now().toString(36)}`;
  await createRegisterWithColumns(page, registerName, []);
  const campaignId = await createCampaign(page, {
    name: `Kevätkirje ${Date.now().toString(36)}`,
    target: `${registerName} (koko rekisteri)`,
    subject: "Kevään uutiset",
  });
  await page.goto(`/${DEMO.org}/campaigns/${campaignId}/content`);
  await expect(page.getByRole("heading", { level: 1, name: "Sisältö" })).toBeVisible();
  await expect(canvas(page).getByText("Viesti on tyhjä.")).toBeVisible();

  // A heading; an unknown merge tag is refused at save with the field named, next to the block.
  await page.getByRole("button", { name: "+ Otsikko" }).click();
  const headingText = page.getByLabel("Teksti", { exact: true });
  await headingText.fill("Hei {{ kenkakoko }}");
  await expect(page.getByRole("status").filter({ hasText: "Tallennus epäonnistui" })).toBeVisible();
  await expect(canvas(page).getByText('"kenkakoko"', { exact: false })).toBeVisible();
  await headingText.fill("Kevään uutiset ");
  await page.getByLabel("Teksti: Lisää yhdistelykenttä").selectOption("first_name");
  await expect(headingText).toHaveValue('Kevään uutiset {{ first_name | default: "" }}');

  // Two columns: an image uploaded to the bank from the editor, and a button.
  await page.getByRole("button", { name: "+ 2 saraketta" }).click();
  await page.getByLabel("Lisää lohko sarakkeeseen 1").selectOption("image");
  await page.getByRole("button", { name: "Valitse kuvapankista" }).click();
  await page.getByLabel("Lataa uusi kuva").setInputFiles({
    name: "kevat.png",
    mimeType: "image/png",
    buffer: makePng(120, 80),
  });
  const image = canvas(page).getByRole("img", { name: "kevat" });
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute("src", /\/i\/[A-Za-z0-9_-]{22,}$/);
  // Served publicly (no session needed) with long cache headers.
  const served = await request.get((await image.getAttribute("src"))!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  await page.getByLabel("Lisää lohko sarakkeeseen 2").selectOption("button");
  await page.getByLabel("Painikkeen teksti", { exact: true }).fill("Tilaa nyt");
  await page.getByLabel("Linkin osoite", { exact: true }).fill("https://example.fi/kevat");

  // Drag the columns above the heading, undo, redo with the keyboard.
  await drag(
    page,
    "Siirrä lohkoa 2: Sarakkeet (välilyönti ja nuolinäppäimet)",
    "Siirrä lohkoa 1: Otsikko (välilyönti ja nuolinäppäimet)",
  );
  await expect(page.getByRole("button", { name: /^Siirrä lohkoa 1: Sarakkeet/ })).toBeVisible();
  await page.getByRole("button", { name: "Kumoa" }).click();
  await expect(page.getByRole("button", { name: /^Siirrä lohkoa 1: Otsikko/ })).toBeVisible();
  await page.keyboard.press("Control+Shift+Z");
  await expect(page.getByRole("button", { name: /^Siirrä lohkoa 1: Sarakkeet/ })).toBeVisible();
  // Keyboard-accessible alternative to dragging.
  await page.getByRole("button", { name: "Siirrä alas: Sarakkeet" }).click();
  await expect(page.getByRole("button", { name: /^Siirrä lohkoa 1: Otsikko/ })).toBeVisible();

  // Rich text with Tiptap: type, select all, bold.
  await page.getByRole("button", { name: "+ Teksti" }).click();
  const rich = page.getByRole("textbox", { name: "Teksti" });
  await rich.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Tervetuloa kevääseen");
  await page.keyboard.press("Control+A");
  await page.getByRole("button", { name: "Lihavointi" }).click();
  await expect(canvas(page).locator("strong", { hasText: "Tervetuloa kevääseen" })).toBeVisible();

  await expect(
    page.getByRole("status").filter({ hasText: /Tallennettu \d{1,2}\.\d{2}/ }),
  ).toBeVisible();

  // Save as a template; it is listed on the templates page.
  await page.getByLabel("Uuden pohjan nimi").fill("Kevätpohja");
  await page.getByRole("button", { name: "Tallenna pohjaksi" }).click();
  // A successful save empties the name field; the template itself is checked on the templates
  // page at the end.
  await expect(page.getByLabel("Uuden pohjan nimi")).toHaveValue("");

  await page.reload();
  await expect(
    canvas(page).getByRole("heading", { name: 'Kevään uutiset {{ first_name | default: "" }}' }),
  ).toBeVisible();
  await expect(canvas(page).getByRole("img", { name: "kevat" })).toBeVisible();
  await expect(canvas(page).getByText("Tilaa nyt")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Siirrä lohkoa 1: Otsikko/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Siirrä lohkoa 2: Sarakkeet/ })).toBeVisible();
  await expect(canvas(page).locator("strong", { hasText: "Tervetuloa kevääseen" })).toBeVisible();

  // The upload is in the image bank.
  await page.goto(`/${DEMO.org}/email/images`);
  await expect(page.getByRole("img", { name: "kevat.png" })).toBeVisible();
  await expect(page.getByText("120 × 80 px", { exact: false })).toBeVisible();
  await page.goto(`/${DEMO.org}/email/templates`);
  await expect(page.getByText("Kevätpohja")).toBeVisible();
});
