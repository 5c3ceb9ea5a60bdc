import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO, PARTNER, signIn } from "../fixtures/auth";
import { signReportToken } from "@/lib/sms/report-token";

// S1 as a marketer sees it: an SMS campaign goes out through the sandbox gateway, delivery
// reports come back through the Kannel webhook, and the report shows the counts, the failure
// reason and every recipient; the CSV export has one row per recipient.

// Delivery-report tokens are signed with the server's AUTH_SECRET (playwright.config.ts).
process.env.AUTH_SECRET = "e2e-secret-that-is-long-enough-0123456789";

test.skip(!process.env.DATABASE_URL, "seeds the SMS campaign through PostgreSQL");

/** The e2e server's database (serve.mjs creates E2E_DB next to DATABASE_URL). */
async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${process.env.E2E_DB ?? "vk_e2e"}`;
  const db = new pg.Client({ connectionString: u.toString() });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

const PEOPLE = [
  { first: "Aino", last: "Perillä" },
  { first: "Eero", last: "Epäonni" },
  { first: "Olli", last: "Odottaa" },
];

/**
 * An SMS campaign of the demo organisation, due now, to three subscribed contacts; handed to
 * the app's job runner the way scheduling does (`campaign/send.requested`). The create/edit UI
 * for SMS campaigns comes separately; this seeds what it would save.
 */
async function seedDueSmsCampaign(tag: string) {
  return withDb(async (db) => {
    const {
      rows: [org],
    } = await db.query("select id from organizations where slug = $1", [DEMO.org]);
    const {
      rows: [reg],
    } = await db.query("insert into registers (org_id, name) values ($1, $2) returning id", [
      org.id,
      `Tekstiviestit ${tag}`,
    ]);
    const base = 2_000_000 + Math.floor(Math.random() * 7_000_000);
    const numbers = PEOPLE.map((_, i) => `+35850${base + i}`);
    for (const [i, p] of PEOPLE.entries())
      await db.query(
        `insert into contacts (org_id, register_id, phone, first_name, last_name, sms_status)
         values ($1, $2, $3, $4, $5, 'subscribed')`,
        [org.id, reg.id, numbers[i], p.first, p.last],
      );
    await db.query(
      `insert into sms_senders (org_id, sender) values ($1, 'DemoOy') on conflict do nothing`,
      [org.id],
    );
    const {
      rows: [c],
    } = await db.query(
      `insert into campaigns (org_id, channel, name, register_id, audience, status, scheduled_at,
         sms_sender, text_body)
       values ($1, 'sms', $2, $3, 'register', 'scheduled', now(), 'DemoOy', $4) returning id`,
      [org.id, `Syysale ${tag}`, reg.id, `Hei {{ first_name }}! Syysale alkaa. ${tag}`],
    );
    await db.query(
      `insert into jobs (name, payload, max_attempts, dedupe_key)
       values ('campaign/send.requested', $1, 6, $2)`,
      [JSON.stringify({ orgId: org.id, campaignId: c.id }), `${c.id}:e2e`],
    );
    return { campaignId: c.id as string, numbers };
  });
}

/** The campaign's delivery ids by recipient number, once all are sent. */
async function sentDeliveries(campaignId: string): Promise<Map<string, number>> {
  return withDb(async (db) => {
    const { rows } = await db.query(
      "select id, address from deliveries where campaign_id = $1 and status = 'sent'",
      [campaignId],
    );
    return new Map(rows.map((r) => [r.address as string, Number(r.id)]));
  });
}

test("[campaigns] an SMS campaign's report shows delivery counts, failures and every recipient, and exports them", async ({
  page,
}) => {
  const tag = Date.now().toString(36);
  const s = await seedDueSmsCampaign(tag);
  await expect
    .poll(async () => (await sentDeliveries(s.campaignId)).size, { timeout: 60_000 })
    .toBe(3);
  const ids = await sentDeliveries(s.campaignId);

  // Kannel reports: the first delivered, the second rejected, the third not yet reported.
  const dlr = (n: number, type: number, extra = "") =>
    page.request.get(
      `/api/webhooks/sms/kannel?t=${signReportToken(`d:${ids.get(s.numbers[n]!)}`)}&type=${type}${extra}`,
    );
  expect((await dlr(0, 1)).status()).toBe(200);
  expect((await dlr(1, 16, "&reply=NACK%2F0x0b")).status()).toBe(200);

  await signIn(page, DEMO);
  await page.goto(`/${DEMO.org}/campaigns/${s.campaignId}/report`);
  await expect(page.getByRole("heading", { level: 1, name: "Raportti" })).toBeVisible();
  await expect(page.getByTestId("sms-stat-recipients")).toContainText("3");
  await expect(page.getByTestId("sms-stat-sent")).toContainText("3");
  await expect(page.getByTestId("sms-stat-delivered")).toContainText("1");
  await expect(page.getByTestId("sms-stat-failed")).toContainText("1");
  await expect(page.getByTestId("sms-stat-waitingForReport")).toContainText("1");
  await expect(page.getByTestId("sms-stat-waitingToSend")).toContainText("0");
  await expect(page.getByTestId("sms-stat-parts")).toContainText("3");
  await expect(page.getByTestId("failure-row")).toContainText(
    "Operaattori hylkäsi viestin: NACK/0x0b",
  );
  await expect(page.getByRole("img", { name: /Lähetetyt ja toimitetut/ })).toBeVisible();
  await expect(page.getByTestId("sms-recipient")).toHaveCount(3);
  await expect(page.getByTestId("sms-recipient").filter({ hasText: s.numbers[0]! })).toContainText(
    "Aino Perillä",
  );

  // The status filter narrows the list to the one failed recipient.
  await page
    .getByRole("navigation", { name: "Rajaa tilan mukaan" })
    .getByRole("link", { name: /^Epäonnistui/ })
    .click();
  await expect(page.getByTestId("sms-recipient")).toHaveCount(1);
  await expect(page.getByTestId("sms-recipient")).toContainText("Eero Epäonni");

  const csv = await page.request.get(
    `/${DEMO.org}/campaigns/${s.campaignId}/report/export?format=csv`,
  );
  expect(csv.status()).toBe(200);
  const lines = (await csv.text())
    .replace(/^\ufeff/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("Puhelinnumero;Nimi;Tila;Osia;Lähetetty;Toimitettu;Virhe");
  expect(lines).toHaveLength(4);
  const row = (n: number) => lines.find((l) => l.startsWith(`${s.numbers[n]};`)) ?? "";
  expect(row(0)).toMatch(/;Aino Perillä;Toimitettu;1;\d{4}-.*;\d{4}-.*;$/);
  expect(row(1)).toContain(";Eero Epäonni;Epäonnistui;1;");
  expect(row(1)).toContain("delivery report 16: NACK/0x0b");
  expect(row(2)).toContain(`;Olli Odottaa;"Lähetetty, odottaa toimitusraporttia";1;`);

  // The sandbox phone shows the message with its campaign, linking to this report.
  await page.goto(`/${DEMO.org}/sandbox/phone?n=${encodeURIComponent(s.numbers[0]!)}`);
  await expect(page.getByText(`Hei Aino! Syysale alkaa. ${tag}`)).toBeVisible();
  await page.getByRole("link", { name: `Syysale ${tag}` }).click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${s.campaignId}/report$`));
});

test("[campaigns] another organisation's SMS campaign report and export are not found", async ({
  page,
}) => {
  const s = await seedDueSmsCampaign(`x${Date.now().toString(36)}`);
  await signIn(page, PARTNER);
  const res = await page.goto(`/${PARTNER.org}/campaigns/${s.campaignId}/report`);
  expect(res?.status()).toBe(404);
  const exp = await page.request.get(
    `/${PARTNER.org}/campaigns/${s.campaignId}/report/export?format=csv`,
  );
  expect(exp.status()).toBe(404);
});
