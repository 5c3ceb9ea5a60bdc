import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { deliveries, sandboxSms } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg } from "@/db/seed/factories";
import { renderCampaign } from "@/lib/campaigns/renderer";
import { sendCampaign } from "@/lib/campaigns/send";
import { listSandboxMessages } from "./queries";
import { createSmsCampaignSetup, sandboxSmsGateway } from "./testing/sms-campaign";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

describe("sandbox phone", () => {
  it("names the campaign of a campaign message, never another organisation's", async () => {
    const s = await createSmsCampaignSetup(h.db, { contacts: 1, name: "Joulutervehdys" });
    await sendCampaign(
      h.db,
      { orgId: s.org.id, campaignId: s.campaign.id },
      { gateway: sandboxSmsGateway(h.db), render: renderCampaign },
    );
    const number = s.people[0]!.phone!;
    const [d] = await h.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.campaignId, s.campaign.id));
    const [msg] = await listSandboxMessages(h.db, s.org.id, number);
    expect(msg).toMatchObject({
      body: "Hei Etu0! Tervetuloa.",
      parts: 1,
      encoding: "gsm7",
      campaignId: s.campaign.id,
      campaignName: "Joulutervehdys",
    });

    // Another organisation's messages: a malformed campaign key (must not break the id cast) and
    // a test message: no campaign for either.
    const other = { org: await createOrg(h.db) };
    await h.db.insert(sandboxSms).values([
      {
        orgId: other.org.id,
        messageKey: `d:${d!.id}:forged`,
        sender: "X",
        recipient: number,
        body: "a",
        encoding: "gsm7",
        parts: 1,
      },
      {
        orgId: other.org.id,
        messageKey: `sms:test-${d!.id}`,
        sender: "X",
        recipient: number,
        body: "b",
        encoding: "gsm7",
        parts: 1,
      },
    ]);
    // The unique message key keeps `d:<id>` itself for the real message; move it to the other
    // organisation to see the join refuse it.
    await h.db
      .update(sandboxSms)
      .set({ orgId: other.org.id })
      .where(eq(sandboxSms.messageKey, `d:${d!.id}`));
    const theirs = await listSandboxMessages(h.db, other.org.id, number);
    expect(theirs).toHaveLength(3);
    expect(theirs.every((m) => m.campaignId === null && m.campaignName === null)).toBe(true);
    expect(await listSandboxMessages(h.db, s.org.id, number)).toEqual([]);
  });
});
