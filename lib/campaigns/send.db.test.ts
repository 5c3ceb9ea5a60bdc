import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { queryRows } from "@/db";
import { auditLog, campaigns, deliveries } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { verifyToken } from "@/lib/tracking/tokens";
import { deliveryCounts } from "./deliveries";
import { campaignProgress } from "./progress";
import { getCampaignOrThrow } from "./queries";
import { pauseCampaign, resumeCampaign, scheduleCampaign } from "./schedule";
import { sendCampaign, type SendOptions } from "./send";
import { dispatchSetup, fixtureRender, outbox, sandbox } from "./test/fixtures";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

/** A scheduled-now campaign of a fresh organisation, ready for the handler. */
async function ready(n = 7, extra: { ratePerHour?: number } = {}) {
  const s = await dispatchSetup(h.db, { contacts: n });
  const c = await s.campaign(extra);
  await scheduleCampaign(h.db, { orgId: s.org.id, actor: s.actor, campaignId: c.id, at: null });
  const ids = { orgId: s.org.id, campaignId: c.id };
  return { ...s, c, ids };
}

const opts = (o: Partial<SendOptions> & Pick<SendOptions, "transport">): SendOptions => ({
  render: fixtureRender,
  retryMs: () => 0,
  ...o,
});

/** Every recipient exactly once in the outbox, with their own name in the subject. */
async function expectEachOnce(orgId: string, n: number) {
  const mails = await outbox(h.db, orgId);
  expect(mails.map((m) => m.toAddress)).toEqual(
    Array.from({ length: n }, (_, i) => `jasen${i}@example.fi`).sort(),
  );
  for (const m of mails) {
    const i = /jasen(\d+)@/.exec(m.toAddress)![1];
    expect(m.subject).toBe(`Tervetuloa Jäsen${i}`);
  }
}

describe("sendCampaign", () => {
  it("sends every recipient once with their name, headers and tracked links, then finishes", async () => {
    const s = await ready(5);
    const r = await sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db), batchSize: 2 }));
    expect(r).toMatchObject({ state: "finished", sent: 5, failed: 0 });
    await expectEachOnce(s.org.id, 5);

    const [first] = await outbox(h.db, s.org.id);
    const headers = first!.headers as Record<string, string>;
    const unsub = /^<(https?:\/\/[^>]+\/u\/([^>]+))>, <mailto:[^>]+>$/.exec(
      headers["List-Unsubscribe"]!,
    );
    expect(unsub).not.toBeNull();
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const deliveryId = verifyToken("unsubscribe", unsub![2]!)!.deliveryId;
    expect(first!.messageKey).toBe(`d:${deliveryId}`);
    expect(first!.html).toContain("Hei Jäsen0 (Turku)!");
    expect(first!.html).toMatch(/href="https?:\/\/[^"]+\/t\/c\/c[0-9a-z]+\.0\.[\w-]{22}"/);
    expect(first!.html).toMatch(/<img src="https?:\/\/[^"]+\/t\/o\/o[0-9a-z]+\.[\w-]{22}"/);
    expect(first!.html).not.toContain("%%VK_");
    expect(first!.text).not.toContain("%%VK_");
    expect(first!.fromAddress).toBe(`"Kyläyhdistys" <${s.sender.address}>`);

    const [c] = await h.db.select().from(campaigns).where(eq(campaigns.id, s.c.id));
    expect(c).toMatchObject({ status: "sent", recipients: 5, renderedVersion: 1 });
    expect(c!.finishedAt).not.toBeNull();
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.org.id), eq(auditLog.action, "campaign.sent")));
    expect(entry!.details).toMatchObject({ count: 5, payerOrgId: null, targetName: "Syysjuhla" });
  });

  it("links go to their original targets when click and open tracking are off", async () => {
    const s = await ready(1);
    await h.db
      .update(campaigns)
      .set({ trackOpens: false, trackClicks: false })
      .where(eq(campaigns.id, s.c.id));
    await sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db) }));
    const [m] = await outbox(h.db, s.org.id);
    expect(m!.html).toContain('href="https://example.fi/syysjuhla?a=1&amp;b=2"');
    expect(m!.text).toContain("Lue lisää: https://example.fi/syysjuhla?a=1&b=2");
    expect(m!.html).not.toContain("<img");
    expect(m!.html).toMatch(/href="https?:\/\/[^"]+\/u\/u[0-9a-z]+\.[\w-]{22}"/);
  });

  it("resumes after a crash between the provider accepting and marking sent: nobody twice, nobody skipped", async () => {
    const s = await ready(7);
    const crashing = sandbox(h.db, {
      after: (call) => {
        if (call === 2) throw new Error("runner killed");
      },
    });
    await expect(
      sendCampaign(h.db, s.ids, opts({ transport: crashing, batchSize: 3, leaseMs: 1 })),
    ).rejects.toThrow("runner killed");
    // The crashed batch is still queued under an (expired) claim; a new run takes it again.
    expect((await deliveryCounts(h.db, s.org.id, s.c.id)).sent).toBe(3);
    const r = await sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db), batchSize: 3 }));
    expect(r.state).toBe("finished");
    await expectEachOnce(s.org.id, 7);
    expect(await deliveryCounts(h.db, s.org.id, s.c.id)).toMatchObject({ sent: 7, queued: 0 });
  });

  it("stops between batches when paused and finishes after resume, each recipient once", async () => {
    const s = await ready(6);
    const pausing = sandbox(h.db, {
      before: async (_m, call) => {
        if (call === 1)
          await pauseCampaign(h.db, { orgId: s.org.id, actor: s.actor, campaignId: s.c.id });
      },
    });
    const r1 = await sendCampaign(h.db, s.ids, opts({ transport: pausing, batchSize: 2 }));
    expect(r1).toMatchObject({ state: "stopped", sent: 2 });
    expect((await outbox(h.db, s.org.id)).length).toBe(2);
    // Paused: a duplicate job does nothing.
    expect((await sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db) }))).sent).toBe(0);

    await resumeCampaign(h.db, { orgId: s.org.id, actor: s.actor, campaignId: s.c.id });
    const jobs = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from jobs where name = 'campaign/send.requested'
          and payload->>'campaignId' = ${s.c.id}`,
    );
    expect(Number(jobs[0]!.n)).toBeGreaterThanOrEqual(2); // schedule-now + resume
    const r2 = await sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db), batchSize: 2 }));
    expect(r2).toMatchObject({ state: "finished", sent: 4 });
    await expectEachOnce(s.org.id, 6);
  });

  it("two runners at once and a duplicate job send each recipient exactly once", async () => {
    const s = await ready(20);
    const results = await Promise.all([
      sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db), batchSize: 3 })),
      sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db), batchSize: 3 })),
      sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db), batchSize: 3 })),
    ]);
    expect(results.reduce((a, r) => a + r.sent, 0)).toBe(20);
    await expectEachOnce(s.org.id, 20);
    const again = await sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db) }));
    expect(again).toMatchObject({ state: "stopped", sent: 0 });
    await expectEachOnce(s.org.id, 20);
  });

  it("retries a transient failure and marks a permanent one failed", async () => {
    const s = await ready(4);
    const flaky = sandbox(h.db, {
      fail: (m, call) =>
        m.to === "jasen1@example.fi" && call === 1
          ? { key: m.key, ok: false, error: "451 try later", permanent: false }
          : m.to === "jasen2@example.fi"
            ? { key: m.key, ok: false, error: "550 no such user", permanent: true }
            : null,
    });
    const r = await sendCampaign(h.db, s.ids, opts({ transport: flaky }));
    expect(r).toMatchObject({ state: "finished", sent: 3, failed: 1 });
    const rows = await h.db.select().from(deliveries).where(eq(deliveries.campaignId, s.c.id));
    const by = new Map(rows.map((d) => [d.address, d]));
    expect(by.get("jasen1@example.fi")).toMatchObject({ status: "sent", attempts: 2 });
    expect(by.get("jasen2@example.fi")).toMatchObject({
      status: "failed",
      error: "550 no such user",
    });
    expect((await outbox(h.db, s.org.id)).map((m) => m.toAddress)).not.toContain(
      "jasen2@example.fi",
    );
  });

  it("gives up on a recipient that keeps failing transiently after maxAttempts", async () => {
    const s = await ready(2);
    const down = sandbox(h.db, {
      fail: (m) =>
        m.to === "jasen0@example.fi"
          ? { key: m.key, ok: false, error: "connection reset", permanent: false }
          : null,
    });
    const r = await sendCampaign(h.db, s.ids, opts({ transport: down, maxAttempts: 3 }));
    expect(r.state).toBe("finished");
    const [d] = await h.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.campaignId, s.c.id), eq(deliveries.address, "jasen0@example.fi")));
    expect(d).toMatchObject({ status: "failed", attempts: 3 });
    expect(d!.error).toContain("gave up after 3 attempts");
  });

  it("a channel that is down releases the messages without counting attempts, and progress says so", async () => {
    const s = await ready(3);
    const down = sandbox(h.db, {
      fail: (m) => ({
        key: m.key,
        ok: false,
        error: "gateway unreachable: connect ECONNREFUSED",
        permanent: false,
        retryAfterMs: 60_000,
        gatewayDown: true,
      }),
    });
    await sendCampaign(h.db, s.ids, opts({ transport: down, maxAttempts: 1, maxWaitMs: 0 }));
    const rows = await h.db.select().from(deliveries).where(eq(deliveries.campaignId, s.c.id));
    expect(rows.map((d) => [d.status, d.attempts])).toEqual([
      ["queued", 0],
      ["queued", 0],
      ["queued", 0],
    ]);
    const p = await campaignProgress(h.db, await getCampaignOrThrow(h.db, s.ids));
    expect(p).toMatchObject({ queued: 3, failed: 0, retrying: 3 });
    expect(p.retryError).toBe("gateway unreachable: connect ECONNREFUSED");
  });

  it("holds messages during quiet hours and queues a continuation for the window's end", async () => {
    const s = await ready(3);
    const hour = Number(
      new Date().toLocaleString("en-GB", {
        timeZone: "Europe/Helsinki",
        hour: "2-digit",
        hourCycle: "h23",
      }),
    );
    await h.db
      .update(campaigns)
      .set({ quietStartHour: hour, quietEndHour: (hour + 1) % 24 })
      .where(eq(campaigns.id, s.c.id));
    const r = await sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db) }));
    expect(r).toMatchObject({ state: "held", sent: 0 });
    expect(r.resumeAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await outbox(h.db, s.org.id)).toHaveLength(0);
    expect((await deliveryCounts(h.db, s.org.id, s.c.id)).queued).toBe(3);
    const [job] = await queryRows<{ run_at: string }>(
      h.db,
      sql`select run_at from jobs where payload->>'campaignId' = ${s.c.id} order by run_at desc limit 1`,
    );
    expect(new Date(job!.run_at).getTime()).toBe(r.resumeAt!.getTime());
  });

  it("sends no more than the rate limit allows in a window and continues later", async () => {
    const s = await ready(5, { ratePerHour: 120 });
    const r = await sendCampaign(h.db, s.ids, opts({ transport: sandbox(h.db), maxWaitMs: 0 }));
    expect(r).toMatchObject({ state: "continue", sent: 2 });
    expect(r.resumeAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await outbox(h.db, s.org.id)).toHaveLength(2);
    const c = await getCampaignOrThrow(h.db, s.ids);
    const p = await campaignProgress(h.db, c);
    expect(p).toMatchObject({ recipients: 5, queued: 3, sent: 2, failed: 0, heldUntil: null });
    expect(p.perMinute).toBeGreaterThan(0);
    expect(p.etaAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("hands over to a fresh job when its time budget runs out", async () => {
    const s = await ready(4);
    const r = await sendCampaign(
      h.db,
      s.ids,
      opts({ transport: sandbox(h.db), batchSize: 1, budgetMs: -1 }),
    );
    expect(r).toMatchObject({ state: "continue", sent: 0 });
    const [job] = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from jobs where payload->>'campaignId' = ${s.c.id}`,
    );
    expect(Number(job!.n)).toBe(2);
  });
});
