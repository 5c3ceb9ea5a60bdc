import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { campaigns, contacts, jobs } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { AppError } from "@/lib/errors";
import { createRegister } from "@/lib/registers/registers";
import { addSmsSender } from "@/lib/sms/senders";
import { createCampaign } from "./create-campaign";
import { sendSmsCampaignTest } from "./preflight-sms";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function setup() {
  const org = await createOrg(h.db);
  const user = await createUser(h.db, { orgId: org.id, role: "editor" });
  const actor = { userId: user.id, userEmail: user.email, ip: null };
  const register = await createRegister(h.db, org.id, actor, { name: "Asiakkaat", columns: [] });
  await h.db.insert(contacts).values({
    orgId: org.id,
    registerId: register.id,
    firstName: "Aino",
    phone: "+358401234567",
    smsStatus: "subscribed",
  });
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  await addSmsSender(
    h.db,
    org.id,
    { userId: main.id, userEmail: main.email, ip: null },
    {
      sender: "Kauppa",
    },
  );
  const c = await createCampaign(h.db, {
    orgId: org.id,
    actor,
    name: "Ale",
    registerId: register.id,
    audience: "register",
    segmentId: null,
    channel: "sms",
    smsSender: "Kauppa",
    textBody: "Hei {{ first_name }}, ale alkaa!",
  });
  return { org, actor, c };
}

const smsJobs = async (orgId: string) =>
  (
    await h.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(sql`${jobs.name} = 'sms/message.requested' and ${jobs.payload}->>'orgId' = ${orgId}`)
  ).map((j) => j.payload as { to: string; from: string; text: string });

describe("SMS test send", () => {
  it("queues the personalized text to each number once and marks the version checked", async () => {
    const s = await setup();
    const opts = {
      orgId: s.org.id,
      campaignId: s.c.id,
      version: s.c.contentVersion,
      actor: s.actor,
    };
    const r = await sendSmsCampaignTest(h.db, {
      ...opts,
      numbers: ["040 111 2222", "+358401112222", "0401113333"],
    });
    expect(r).toEqual({ sent: 2 });
    const queued = await smsJobs(s.org.id);
    expect(queued.map((j) => j.to).sort()).toEqual(["+358401112222", "+358401113333"]);
    expect(queued[0]).toMatchObject({ from: "Kauppa", text: "Hei Aino, ale alkaa!" });
    const [row] = await h.db.select().from(campaigns).where(eq(campaigns.id, s.c.id));
    expect(row!.checkedVersion).toBe(s.c.contentVersion);
  });

  it("refuses bad numbers, more than 10, a stale version and another organisation; nothing queued", async () => {
    const s = await setup();
    const opts = {
      orgId: s.org.id,
      campaignId: s.c.id,
      version: s.c.contentVersion,
      actor: s.actor,
    };
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: AppError) => e.userMessage,
      );
    expect(await fail(sendSmsCampaignTest(h.db, { ...opts, numbers: ["12ab"] }))).toBe(
      "preflight.errors.invalidPhone|number=12ab",
    );
    const eleven = Array.from({ length: 11 }, (_, i) => `04011100${String(i).padStart(2, "0")}`);
    expect(await fail(sendSmsCampaignTest(h.db, { ...opts, numbers: eleven }))).toBe(
      "preflight.errors.numberCount",
    );
    expect(
      await fail(sendSmsCampaignTest(h.db, { ...opts, version: 99, numbers: ["0401112222"] })),
    ).toBe("preflight.errors.contentChanged");
    const other = await setup();
    expect(
      await fail(
        sendSmsCampaignTest(h.db, { ...opts, orgId: other.org.id, numbers: ["0401112222"] }),
      ),
    ).toBe("errors.NOT_FOUND");
    expect(await smsJobs(s.org.id)).toEqual([]);
  });
});
