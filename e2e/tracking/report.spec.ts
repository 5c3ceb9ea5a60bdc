import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO, PARTNER, signIn } from "../fixtures/auth";
import { recipientUrls } from "@/lib/tracking/tokens";

// The tokens are signed with the server's AUTH_SECRET (the one playwright.config.ts gives it);
// sign them here with the same code. env() is read lazily, at the first signing.
process.env.AUTH_SECRET = "e2e-secret-that-is-long-enough-0123456789";

test.skip(!process.env.DATABASE_URL, "seeds a sent campaign through PostgreSQL");

/** The e2e server's database (serve.mjs creates E2E_DB next to DATABASE_URL). */
function client() {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${process.env.E2E_DB ?? "vk_e2e"}`;
  return new pg.Client({ connectionString: u.toString() });
}

/**
 * A sent campaign of the demo organisation to two contacts, as dispatch leaves it: a register,
 * subscribed contacts, the campaign with one link, deliveries marked sent.
 */
async function seedSentCampaign() {
  const db = client();
  await db.connect();
  try {
    const tag = Date.now().toString(36);
    const {
      rows: [org],
    } = await db.query("select id from organizations where slug = $1", [DEMO.org]);
    const {
      rows: [reg],
    } = await db.query("insert into registers (org_id, name) values ($1, $2) returning id", [
      org.id,
      `Seuranta ${tag}`,
    ]);
    const people = [
      { email: `aino-${tag}@example.fi`, first: "Aino", last: "Avaaja" },
      { email: `eero-${tag}@example.fi`, first: "Eero", last: "Ei-avannut" },
    ];
    const contactIds: string[] = [];
    for (const p of people) {
      const { rows } = await db.query(
        `insert into contacts (org_id, register_id, email, first_name, last_name, email_status)
         values ($1, $2, $3, $4, $5, 'subscribed') returning id`,
        [org.id, reg.id, p.email, p.first, p.last],
      );
      contactIds.push(rows[0].id);
    }
    const {
      rows: [c],
    } = await db.query(
      `insert into campaigns (org_id, channel, name, register_id, audience, status, recipients,
         materialized_at, started_at, finished_at)
       values ($1, 'email', $2, $3, 'register', 'sent', 2, now(), now(), now()) returning id`,
      [org.id, `Syyskirje ${tag}`, reg.id],
    );
    await db.query(
      `insert into campaign_links (campaign_id, idx, url, label) values ($1, 0, $2, 'Lue lisää')`,
      [c.id, "https://example.fi/syksy"],
    );
    const deliveryIds: number[] = [];
    for (const [i, p] of people.entries()) {
      const { rows } = await db.query(
        `insert into deliveries (campaign_id, org_id, contact_id, address, status, sent_at, provider_id)
         values ($1, $2, $3, $4, 'sent', now(), $5) returning id`,
        [c.id, org.id, contactIds[i], p.email, `e2e-${tag}-${i}`],
      );
      deliveryIds.push(Number(rows[0].id));
    }
    return {
      campaignId: c.id as string,
      registerId: reg.id as string,
      contactIds,
      deliveryIds,
      tag,
    };
  } finally {
    await db.end();
  }
}

async function unsubscribedAt(deliveryId: number) {
  const db = client();
  await db.connect();
  try {
    const { rows } = await db.query("select unsubscribed_at from deliveries where id = $1", [
      deliveryId,
    ]);
    return rows[0].unsubscribed_at as Date | null;
  } finally {
    await db.end();
  }
}

test("[tracking] an open and a click show up in the report with the person named", async ({
  page,
}) => {
  const s = await seedSentCampaign();
  const urls = recipientUrls(s.deliveryIds[0]!, "http://127.0.0.1");
  const path = (u: string) => new URL(u).pathname;

  const gif = await page.request.get(path(urls.open));
  expect(gif.status()).toBe(200);
  expect(gif.headers()["content-type"]).toBe("image/gif");
  const click = await page.request.get(path(urls.click(0)), { maxRedirects: 0 });
  expect(click.status()).toBe(302);
  expect(click.headers()["location"]).toBe("https://example.fi/syksy");
  // A click token for a link the message does not have is a 404, not a redirect.
  const other = await page.request.get(path(urls.click(3)), { maxRedirects: 0 });
  expect(other.status()).toBe(404);

  await signIn(page, DEMO);
  await page.goto(`/${DEMO.org}/campaigns/${s.campaignId}/report`);
  await expect(page.getByRole("heading", { level: 1, name: "Raportti" })).toBeVisible();
  await expect(page.getByTestId("stat-uniqueOpens")).toContainText("1");
  await expect(page.getByTestId("stat-uniqueClicks")).toContainText("1");
  await expect(page.getByRole("heading", { name: "Avanneet (1)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Aino Avaaja" }).first()).toBeVisible();
  await expect(page.getByTestId("link-row")).toContainText("https://example.fi/syksy");
  await expect(
    page.getByRole("img", { name: /Avaukset ja klikkaukset tunneittain/ }),
  ).toBeVisible();

  // The person's contact page lists the message with what they did.
  await page.getByRole("link", { name: "Aino Avaaja" }).first().click();
  await expect(page.getByTestId("message-row")).toContainText(`Syyskirje ${s.tag}`);
  await expect(page.getByTestId("message-row")).toContainText("Avattu");

  const csv = await page.request.get(
    `/${DEMO.org}/campaigns/${s.campaignId}/report/export?format=csv`,
  );
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.trim().split("\r\n")).toHaveLength(3);
  expect(text).toContain(`aino-${s.tag}@example.fi`);
});

test("[tracking] the unsubscribe link's GET only asks; the button unsubscribes; preferences toggle", async ({
  page,
}) => {
  const s = await seedSentCampaign();
  const urls = recipientUrls(s.deliveryIds[1]!, "http://127.0.0.1");
  await page.goto(new URL(urls.unsubscribe).pathname);
  await expect(page.getByRole("heading", { name: "Peru sähköpostit" })).toBeVisible();
  expect(await unsubscribedAt(s.deliveryIds[1]!)).toBeNull();

  await page.getByRole("button", { name: "Kyllä, peru tilaus" }).click();
  await expect(page.getByRole("heading", { name: "Tilausasetukset" })).toBeVisible();
  await expect(page.getByText("Tilaus on peruttu.")).toBeVisible();
  expect(await unsubscribedAt(s.deliveryIds[1]!)).not.toBeNull();
  const row = page.getByTestId("pref-row");
  await expect(row.getByTestId("status-email")).toHaveText("Peruttu");

  await row.getByRole("button", { name: "Tilaa" }).click();
  await expect(page.getByText("Muutos on tallennettu.")).toBeVisible();
  await expect(page.getByTestId("pref-row").getByTestId("status-email")).toHaveText("Tilattu");

  // Subscribed again, so the link asks again — in English by ?lang=en.
  await page.goto(`${new URL(urls.unsubscribe).pathname}/confirm?lang=en`);
  await expect(page.getByRole("heading", { name: "Unsubscribe from e-mails" })).toBeVisible();

  // One-click POST as a mail provider sends it: no cookies, no CSRF token.
  const res = await page.request.post(new URL(urls.unsubscribe).pathname, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(res.status()).toBe(200);
  const forged = await page.request.post(`${new URL(urls.unsubscribe).pathname}x`, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(forged.status()).toBe(404);
});

test("[tracking] another organisation's campaign report and export are not found", async ({
  page,
}) => {
  const s = await seedSentCampaign();
  await signIn(page, PARTNER);
  const res = await page.goto(`/${PARTNER.org}/campaigns/${s.campaignId}/report`);
  expect(res?.status()).toBe(404);
  const exp = await page.request.get(
    `/${PARTNER.org}/campaigns/${s.campaignId}/report/export?format=csv`,
  );
  expect(exp.status()).toBe(404);
});
