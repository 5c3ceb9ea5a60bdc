import { expect, type Page } from "@playwright/test";
import { DEMO } from "../fixtures/auth";

/** The demo organisation's verified sender, as the new-campaign form lists it. */
export const DEMO_SENDER = "Demo Oy <uutiset@demo.viestikone.local>";

/**
 * Creates an e-mail campaign through the new-campaign form and returns its id (from the URL of
 * the overview it lands on). `target` is the option label, e.g. "Jäsenet (koko rekisteri)".
 */
export async function createCampaign(
  page: Page,
  opts: {
    name: string;
    target: string;
    kind?: "Lohkoeditori" | "Oma HTML" | "Pelkkä teksti";
    subject: string;
  },
): Promise<string> {
  await page.goto(`/${DEMO.org}/campaigns/new`);
  await page.getByLabel("Kampanjan nimi").fill(opts.name);
  await page.getByLabel("Vastaanottajat", { exact: true }).selectOption({ label: opts.target });
  await page.getByLabel("Viestin tyyppi").selectOption({ label: opts.kind ?? "Lohkoeditori" });
  await page.getByLabel("Lähettäjä", { exact: true }).selectOption({ label: DEMO_SENDER });
  await page.getByLabel("Aihe", { exact: true }).fill(opts.subject);
  await page.getByRole("button", { name: "Luo kampanja" }).click();
  await expect(page.getByRole("heading", { level: 1, name: opts.name })).toBeVisible();
  const id = /\/campaigns\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no campaign id in ${page.url()}`);
  return id;
}
