import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../fixtures/auth";

// E7/E8 as a marketer walks them: create a text campaign to the demo register, find sending
// blocked until the final version is checked, approve the preview, send now and find every
// member's message in the sandbox outbox exactly once, with their own name.

const MEMBERS = [
  { first: "Maija", email: "maija@example.fi" },
  { first: "Matti", email: "matti@example.fi" },
  { first: "Liisa", email: "liisa@example.fi" },
];

test("[campaigns] sends a campaign now and each member gets it exactly once with their name", async ({
  page,
}) => {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await signIn(page, DEMO);

  await page.getByRole("link", { name: "Kampanjat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sähköpostikampanjat" })).toBeVisible();
  await page.getByRole("link", { name: "Uusi kampanja" }).click();
  await page.getByLabel("Kampanjan nimi").fill(`Kutsu ${id}`);
  await page
    .getByLabel("Vastaanottajat", { exact: true })
    .selectOption({ label: "Jäsenet (koko rekisteri)" });
  await page.getByLabel("Viestin tyyppi").selectOption({ label: "Pelkkä teksti" });
  await page
    .getByLabel("Lähettäjä", { exact: true })
    .selectOption({ label: "Demo Oy <uutiset@demo.viestikone.local>" });
  await page.getByLabel("Aihe", { exact: true }).fill(`Hei {{ first_name }} – kutsu ${id}`);
  await page.getByRole("button", { name: "Luo kampanja" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Kutsu ${id}` })).toBeVisible();
  await expect(page.getByText("Luonnos", { exact: true })).toBeVisible();

  // Not checked yet: the guard says why and there is no send button.
  await expect(
    page.getByText("Lähetä testiviesti tai esikatsele lopullinen versio ennen lähettämistä."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Lähetä nyt" })).toHaveCount(0);

  // Pre-flight: approve the preview of this version.
  const tabs = page.getByRole("navigation", { name: "Kampanjan osiot" });
  await tabs.getByRole("link", { name: "Esitarkastus" }).click();
  await page.getByRole("button", { name: "Hyväksy esikatselu" }).click();
  await expect(page.getByText("Esikatselu hyväksytty versiolle 1.")).toBeVisible();

  await tabs.getByRole("link", { name: "Yleiskatsaus" }).click();
  await expect(page.getByText("Kampanja on valmis lähetettäväksi.")).toBeVisible();
  await page.getByRole("button", { name: "Lähetä nyt" }).click();

  // The page follows the send live until it is done.
  await expect(page.getByText("Kampanja on lähetetty.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(`Lähetetty ${MEMBERS.length} / ${MEMBERS.length}`)).toBeVisible();

  // Every member exactly once in the outbox, with their own name in the subject.
  await page.goto(`/${DEMO.org}/sandbox/outbox`);
  const ours = page.getByRole("link", { name: new RegExp(`kutsu ${id}`) });
  await expect(ours).toHaveCount(MEMBERS.length);
  for (const m of MEMBERS)
    await expect(
      page.getByRole("link", { name: new RegExp(`Hei ${m.first} – kutsu ${id}.*${m.email}`) }),
    ).toHaveCount(1);

  // The list shows the campaign as sent with its recipients.
  await page.goto(`/${DEMO.org}/campaigns?status=sent`);
  const row = page.getByRole("row").filter({ hasText: `Kutsu ${id}` });
  await expect(row.getByText("Lähetetty", { exact: true })).toBeVisible();
  await expect(row.getByText(`${MEMBERS.length} vastaanottajaa`)).toBeVisible();
});
