import { expect, test } from "@playwright/test";
import { person, signUpVerified } from "../fixtures/accounts";

// The day-8 expiry of an invitation link needs a controlled clock, so it is covered by the
// database test lib/orgs/invitations.db.test.ts ("works on day 7 minus a minute and is refused
// as expired on day 8"), not here.

const SUBJECT = "Kutsu käyttäjäksi / Inbjudan att bli användare / User invitation";

test("[accounts] a new user signs up, verifies, invites a colleague who registers from the outbox link; as a viewer the colleague cannot invite", async ({
  page: start,
  browser,
}) => {
  const colleague = `kollega-${Date.now()}@example.fi`;
  // Sign up → verify the address from the sandbox mail → sign in: a main user of a new organisation.
  const owner = person();
  const page = await signUpVerified(start, owner);
  const org = owner.slug;
  await page.getByRole("link", { name: "Käyttäjät" }).click();
  await page.waitForURL(`**/${org}/users`);

  // Invite as editor; keep the real request so it can be replayed by the viewer later.
  const form = page.getByRole("form", { name: "Kutsu käyttäjä" });
  await form.getByLabel("Kutsuttavan sähköposti").fill(colleague);
  await form.getByLabel("Rooli", { exact: true }).selectOption({ label: "Muokkaaja" });
  const inviteRequest = page.waitForRequest(
    (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]),
  );
  await form.getByRole("button", { name: "Lähetä kutsu" }).click();
  const captured = await inviteRequest;
  await expect(page.getByText(`Kutsu lähetetty osoitteeseen ${colleague}.`)).toBeVisible();
  await expect(page.getByRole("rowheader", { name: colleague })).toBeVisible();

  // The invitation e-mail is in the organisation's sandbox outbox; the link is in the text part.
  await page.goto(`/${org}/sandbox/outbox`);
  const item = page.getByRole("link", { name: new RegExp(colleague) });
  await expect(async () => {
    await page.reload();
    await expect(item).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(item).toContainText(SUBJECT);
  await item.click();
  await expect(page.getByRole("heading", { name: SUBJECT })).toBeVisible();
  await page.getByRole("tab", { name: "Teksti" }).click();
  const text = await page.getByRole("tabpanel").innerText();
  expect(text).toContain("voimassa 7 päivää");
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link).toBeTruthy();

  // The colleague opens the link in a browser of their own and registers.
  const theirs = await browser.newContext();
  const p2 = await theirs.newPage();
  await p2.goto(link!);
  await expect(p2.getByRole("heading", { name: "Kutsu käyttäjäksi" })).toBeVisible();
  await expect(
    p2.getByText(`kutsui sinut organisaation ${owner.orgName} käyttäjäksi roolissa muokkaaja`),
  ).toBeVisible();
  await expect(p2.getByLabel("Sähköposti")).toHaveValue(colleague);
  await p2.getByLabel("Etunimi").fill("Kaisa");
  await p2.getByLabel("Sukunimi").fill("Kollega");
  await p2.getByLabel("Salasana", { exact: true }).fill("Vahva-Kevät-2026");
  await p2.getByRole("button", { name: "Luo tunnus ja liity" }).click();
  await p2.waitForURL(`**/${org}`);
  await expect(p2.getByRole("heading", { level: 1, name: owner.orgName })).toBeVisible();
  await expect(p2.getByText("Roolisi: Muokkaaja")).toBeVisible();

  // The main user changes them to viewer.
  await page.goto(`/${org}/users`);
  await expect(page.getByRole("rowheader", { name: colleague })).toHaveCount(0);
  const row = page.getByRole("row", { name: /Kaisa Kollega/ });
  await row.getByLabel("Käyttäjän Kaisa Kollega rooli").selectOption({ label: "Katselija" });
  await row.getByRole("button", { name: "Vaihda rooli" }).click();
  await expect(row.getByText("Rooli vaihdettu.")).toBeVisible();

  // As a viewer they see the members but no invite form.
  await p2.goto(`/${org}/users`);
  await expect(
    p2.getByText("Vain pääkäyttäjät voivat kutsua käyttäjiä ja muuttaa rooleja."),
  ).toBeVisible();
  await expect(p2.getByRole("form", { name: "Kutsu käyttäjä" })).toHaveCount(0);
  await expect(p2.getByRole("button", { name: "Lähetä kutsu" })).toHaveCount(0);

  // A forged call: the main user's invite request replayed with the viewer's session.
  const forged = `vaarennetty-${Date.now()}@example.fi`;
  const res = await p2.request.post(`/${org}/users`, {
    headers: {
      "next-action": captured.headers()["next-action"]!,
      "content-type": captured.headers()["content-type"]!,
      accept: "text/x-component",
    },
    data: captured.postData()!.replaceAll(colleague, forged),
  });
  const answer = await res.text();
  expect(answer).toContain("errors.FORBIDDEN");
  await page.reload();
  await expect(page.getByRole("rowheader", { name: forged })).toHaveCount(0);
  await page.goto(`/${org}/sandbox/outbox`);
  await expect(page.getByText(forged)).toHaveCount(0);

  // The used link shows the "used" page naming the organisation, even to someone else.
  const stranger = await browser.newContext();
  const p3 = await stranger.newPage();
  await p3.goto(link!);
  await expect(p3.getByRole("heading", { name: "Kutsu on jo käytetty" })).toBeVisible();
  await expect(
    p3.getByText(`Pyydä organisaation ${owner.orgName} pääkäyttäjältä uusi kutsu.`),
  ).toBeVisible();
  await stranger.close();
  await theirs.close();
});
