import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { queryRows } from "@/db";
import { campaigns } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createKannelGateway } from "@/lib/sms/kannel";
import {
  kannelInstalled,
  startKannel,
  type KannelInstance,
} from "@/lib/sms/testing/kannel-fixture";
import { createSmsCampaignSetup } from "@/lib/sms/testing/sms-campaign";
import { renderCampaign } from "./renderer";
import { sendCampaign } from "./send";

// SMS campaigns (S1) end to end through a real Kannel (bearerbox + smsbox + fake SMSC) and our
// real delivery-report route. CI installs Kannel; without it locally the suite is skipped.
const available = kannelInstalled();
if (!available && process.env.CI) throw new Error("Kannel is not installed but CI=1");

let h: Awaited<ReturnType<typeof openTestDb>>;
let reportServer: http.Server;
let reportUrl = "";
beforeAll(async () => {
  h = await openTestDb();
  // Kannel calls this server; it hands each request to the app's own route handler.
  const { GET } = await import("@/app/api/webhooks/sms/kannel/route");
  reportServer = http.createServer(async (req, res) => {
    const r = await GET(new Request(`http://127.0.0.1${req.url}`));
    res.statusCode = r.status;
    res.end(await r.text());
  });
  await new Promise<void>((r) => reportServer.listen(0, "127.0.0.1", r));
  reportUrl = `http://127.0.0.1:${(reportServer.address() as { port: number }).port}/dlr`;
}, 60_000);
afterAll(async () => {
  reportServer?.close();
  await h?.dispose();
});

const TEXT = "Hei {{ first_name }}! Syysale alkaa huomenna, -20 % kaikesta. Tervetuloa myymälään!";

/** A scheduled SMS campaign to `n` subscribed contacts with names; who is who by number. */
async function smsCampaign(n: number) {
  const s = await createSmsCampaignSetup(h.db, { contacts: n, text: TEXT, name: "Syysale" });
  const names = new Map(s.people.map((p) => [p.phone!, p.firstName!]));
  return { orgId: s.org.id, campaignId: s.campaign.id, names };
}

const statusCounts = async (campaignId: string) =>
  Object.fromEntries(
    (
      await queryRows<{ status: string; n: number }>(
        h.db,
        sql`select status, count(*)::int as n from deliveries where campaign_id = ${campaignId}::uuid group by status`,
      )
    ).map((r) => [r.status, Number(r.n)]),
  );

/** Waits for `check`; on timeout the error carries `state()` so a CI failure explains itself. */
async function until(
  check: () => Promise<boolean>,
  what: string,
  ms = 60_000,
  state: () => Promise<unknown> = async () => null,
) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out: ${what}; state: ${JSON.stringify(await state())}`);
}

/** Delivery rows not sent or delivered, with their errors (the first few), for failure messages. */
const unsent = (campaignId: string) =>
  queryRows<{ address: string; status: string; attempts: number; error: string | null }>(
    h.db,
    sql`select address, status, attempts, error from deliveries
        where campaign_id = ${campaignId}::uuid and status not in ('sent', 'delivered')
        order by id limit 5`,
  );

/** Runs the send handler (as the job would, continuation included) until the campaign is sent. */
async function sendAll(ids: { orgId: string; campaignId: string }, gatewayUrl: KannelInstance) {
  const gateway = createKannelGateway({
    sendsmsUrl: gatewayUrl.sendsmsUrl,
    username: gatewayUrl.username,
    password: gatewayUrl.password,
    maxParts: gatewayUrl.maxParts,
    concurrency: 16,
    reportUrl,
  });
  try {
    for (let i = 0; i < 200; i++) {
      const r = await sendCampaign(h.db, ids, {
        gateway,
        render: renderCampaign,
        budgetMs: 5_000,
        maxWaitMs: 3_000,
      });
      if (r.state === "finished") return;
      if (r.state === "refused" || r.state === "stopped") throw new Error(`send ${r.state}`);
    }
    throw new Error(
      `campaign did not finish: ${JSON.stringify({
        rows: await statusCounts(ids.campaignId),
        unsent: await unsent(ids.campaignId),
      })}`,
    );
  } finally {
    await gateway.close();
  }
}

/** What the fake SMSC received, per recipient number. */
function perRecipient(k: KannelInstance): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of k.received()) out.set(m.to, [...(out.get(m.to) ?? []), m.body]);
  return out;
}

describe.skipIf(!available)("SMS campaigns through Kannel", () => {
  it("a campaign to 1,000 recipients reaches the SMSC once each, with names, and every delivery turns delivered", async () => {
    const kannel = await startKannel();
    try {
      const ids = await smsCampaign(1000);
      await sendAll(ids, kannel);
      // ä and ö are GSM-7: the text arrives as it was written, not as "?".
      await until(
        async () => perRecipient(kannel).size === 1000,
        "1,000 recipients at the SMSC",
        60_000,
        async () => ({ got: perRecipient(kannel).size, rows: await statusCounts(ids.campaignId) }),
      );
      const got = perRecipient(kannel);
      for (const [to, bodies] of got) {
        expect(bodies, to).toHaveLength(1);
        expect(bodies[0]).toBe(
          `Hei ${ids.names.get(to)}! Syysale alkaa huomenna, -20 % kaikesta. Tervetuloa myymälään!`,
        );
      }
      await until(
        async () => (await statusCounts(ids.campaignId)).delivered === 1000,
        "delivery reports",
        60_000,
        () => statusCounts(ids.campaignId),
      );
      const [c] = await h.db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.id, ids.campaignId)));
      expect(c!.status).toBe("sent");
    } finally {
      await kannel.dispose();
    }
  }, 180_000);

  it("Kannel stopped in the middle of a 10,000-recipient send and started again: every recipient gets exactly one message", async () => {
    const kannel = await startKannel();
    try {
      const ids = await smsCampaign(10_000);
      const sending = sendAll(ids, kannel);
      await until(
        async () => kannel.received().length >= 2_000,
        "2,000 messages at the SMSC",
        60_000,
      );
      await kannel.stop();
      const atStop = kannel.received().length;
      await new Promise((r) => setTimeout(r, 3_000));
      await kannel.start();
      await sending;
      // Messages Kannel accepted before the stop were kept in its spool store and arrive after
      // the restart; the rows refused while it was down were released and sent again.
      await until(
        async () => perRecipient(kannel).size === 10_000,
        "10,000 recipients",
        120_000,
        async () => ({
          got: perRecipient(kannel).size,
          atStop,
          rows: await statusCounts(ids.campaignId),
          unsent: await unsent(ids.campaignId),
        }),
      );
      await new Promise((r) => setTimeout(r, 2_000));
      const got = perRecipient(kannel);
      const twice = [...got].filter(([, b]) => b.length !== 1).map(([to]) => to);
      // Nobody failed for the outage: refused attempts were not counted against recipients.
      expect({
        twice,
        recipients: got.size,
        failed: (await statusCounts(ids.campaignId)).failed ?? 0,
        unsent: await unsent(ids.campaignId),
      }).toEqual({ twice: [], recipients: 10_000, failed: 0, unsent: [] });
      expect(atStop).toBeLessThan(10_000);
    } finally {
      await kannel.dispose();
    }
  }, 600_000);
});
