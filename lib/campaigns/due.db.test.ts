import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db";
import { campaigns, emailSenders, organizations, smsSenders } from "@/db/schema";
import { seedDemoCampaign } from "@/db/seed/demo-campaign";
import { openTestDb } from "@/db/seed/test-db";
import { emitDueCampaigns } from "./due";
import { listCampaigns } from "./queries";
import { scheduleCampaign } from "./schedule";
import { dispatchSetup } from "./test/fixtures";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

describe("tick and demo data", () => {
  it("the tick asks for due scheduled campaigns once per minute, not for later ones", async () => {
    const s = await dispatchSetup(h.db, { contacts: 1 });
    const due = await s.campaign();
    const later = await s.campaign();
    const soon = new Date(Date.now() + 30_000);
    await scheduleCampaign(h.db, { orgId: s.org.id, actor: s.actor, campaignId: due.id, at: soon });
    await scheduleCampaign(h.db, {
      orgId: s.org.id,
      actor: s.actor,
      campaignId: later.id,
      at: new Date(Date.now() + 3600_000),
    });
    // An SMS campaign is started by the same tick (S1).
    const [sms] = await h.db
      .insert(campaigns)
      .values({
        orgId: s.org.id,
        channel: "sms",
        name: "Tekstiviesti",
        registerId: s.register.id,
        audience: "register",
        status: "scheduled",
        scheduledAt: soon,
        textBody: "Hei!",
      })
      .returning();
    const at = new Date(soon.getTime() + 60_000);
    await emitDueCampaigns(h.db, at);
    await emitDueCampaigns(h.db, at);
    const jobs = await queryRows<{ id: string }>(
      h.db,
      sql`select payload->>'campaignId' as id from jobs where name = 'campaign/send.requested'
          and payload->>'orgId' = ${s.org.id}`,
    );
    expect(jobs.map((j) => j.id).sort()).toEqual([due.id, sms!.id].sort());
  });

  it("the demo seed adds senders and one draft e-mail and one draft SMS campaign, once", async () => {
    const [org] = await h.db
      .insert(organizations)
      .values({ name: "Demo Oy", slug: "demo", businessId: "1234567-1" })
      .returning();
    await seedDemoCampaign(h.db);
    await seedDemoCampaign(h.db);
    const list = await listCampaigns(h.db, { orgId: org!.id });
    expect(list.rows.map((r) => [r.name, r.status]).sort()).toEqual([
      ["Muistutus jäsenillasta", "draft"],
      ["Tervetuloa-kirje", "draft"],
    ]);
    const sms = await h.db.select().from(smsSenders).where(eq(smsSenders.orgId, org!.id));
    expect(sms.map((x) => x.sender)).toEqual(["Demo Oy"]);
    const senders = await h.db.select().from(emailSenders).where(eq(emailSenders.orgId, org!.id));
    expect(senders).toHaveLength(1);
    expect(senders[0]!.verifiedAt).not.toBeNull();
  });
});
