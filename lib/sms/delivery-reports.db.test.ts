import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { campaigns, contacts, deliveries } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { markSent, materializeAudience } from "@/lib/campaigns/deliveries";
import { createRegister } from "@/lib/registers/registers";
import { applyDeliveryReport, applyDeliveryReports, createReportWriter } from "./delivery-reports";
import { signReportToken, verifyReportToken } from "./report-token";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

/** An SMS campaign with `n` subscribed recipients, materialized; returns the delivery ids. */
async function smsDeliveries(n: number): Promise<number[]> {
  return (await smsCampaign(n)).ids;
}

async function smsCampaign(n: number): Promise<{ campaignId: string; ids: number[] }> {
  const db = h.db;
  const org = await createOrg(db);
  const u = await createUser(db, { orgId: org.id, role: "main" });
  const register = await createRegister(
    db,
    org.id,
    { userId: u.id, userEmail: u.email, ip: null },
    { name: "Tekstiviestit", columns: [] },
  );
  await db.insert(contacts).values(
    Array.from({ length: n }, (_, i) => ({
      orgId: org.id,
      registerId: register.id,
      phone: `+3584012${String(10000 + i)}`,
      smsStatus: "subscribed" as const,
    })),
  );
  const [c] = await db
    .insert(campaigns)
    .values({
      orgId: org.id,
      channel: "sms",
      name: "SMS",
      registerId: register.id,
      audience: "register",
    })
    .returning();
  await materializeAudience(db, org.id, c!.id);
  const rows = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(eq(deliveries.campaignId, c!.id));
  return { campaignId: c!.id, ids: rows.map((r) => r.id).sort((a, b) => a - b) };
}

const status = async (id: number) =>
  (await h.db.select().from(deliveries).where(eq(deliveries.id, id)))[0]!;

describe("Kannel delivery reports", () => {
  it("signs keys so that only genuine tokens verify", () => {
    const t = signReportToken("d:42");
    expect(verifyReportToken(t)).toBe("d:42");
    expect(
      verifyReportToken(t.replace(/^[^.]+/, Buffer.from("d:43").toString("base64url"))),
    ).toBeNull();
    expect(verifyReportToken("garbage")).toBeNull();
    expect(verifyReportToken(`${t}x`)).toBeNull();
  });

  it("turns a sent delivery into delivered once; repeats and later failures change nothing", async () => {
    const [id] = await smsDeliveries(1);
    await h.db
      .update(deliveries)
      .set({ status: "sent", sentAt: new Date() })
      .where(eq(deliveries.id, id!));
    const at = new Date("2026-11-30T10:00:00Z");
    expect(await applyDeliveryReport(h.db, { key: `d:${id}`, type: 8, at })).toBe("interim");
    expect((await status(id!)).status).toBe("sent");
    expect(await applyDeliveryReport(h.db, { key: `d:${id}`, type: 1, at })).toBe("delivered");
    expect(await applyDeliveryReport(h.db, { key: `d:${id}`, type: 1, at: new Date() })).toBe(
      "unchanged",
    );
    expect(await applyDeliveryReport(h.db, { key: `d:${id}`, type: 2, at })).toBe("unchanged");
    const row = await status(id!);
    expect(row.status).toBe("delivered");
    expect(row.deliveredAt?.toISOString()).toBe(at.toISOString());
  });

  it("a report that beats the sender's own bookkeeping still counts, and the row is not sent again", async () => {
    const [id] = await smsDeliveries(1);
    expect(await applyDeliveryReport(h.db, { key: `d:${id}`, type: 1, at: new Date() })).toBe(
      "delivered",
    );
    expect((await status(id!)).status).toBe("delivered");
  });

  it("records failures with the SMSC's reply, and ignores keys that are not deliveries", async () => {
    const [a] = await smsDeliveries(1);
    await h.db.update(deliveries).set({ status: "sent" }).where(eq(deliveries.id, a!));
    expect(
      await applyDeliveryReport(h.db, {
        key: `d:${a}`,
        type: 16,
        at: new Date(),
        detail: "NACK/0x0000000b",
      }),
    ).toBe("failed");
    expect((await status(a!)).error).toContain("NACK/0x0000000b");
    expect(await applyDeliveryReport(h.db, { key: "sms:test-1", type: 1, at: new Date() })).toBe(
      "not-a-delivery",
    );
  });

  it("the webhook route refuses forged tokens and applies genuine ones", async () => {
    const [id] = await smsDeliveries(1);
    // openTestDb made this test's database the process database the route reads.
    const { GET } = await import("@/app/api/webhooks/sms/kannel/route");
    const forged = await GET(
      new Request(
        `http://x/api/webhooks/sms/kannel?t=${signReportToken(`d:${id}`).slice(0, -1)}A&type=1`,
      ),
    );
    expect(forged.status).toBe(403);
    expect((await status(id!)).status).toBe("queued");
    const ok = await GET(
      new Request(
        `http://x/api/webhooks/sms/kannel?t=${signReportToken(`d:${id}`)}&type=1&at=1764496800`,
      ),
    );
    expect(ok.status).toBe(200);
    expect((await status(id!)).status).toBe("delivered");
  });

  it("a batch applies each row's first final report and answers every report as one by one would", async () => {
    const [a, b, c] = await smsDeliveries(3);
    await h.db.update(deliveries).set({ status: "delivered" }).where(eq(deliveries.id, c!));
    const at = new Date("2026-12-01T08:00:00Z");
    const out = await applyDeliveryReports(h.db, [
      { key: `d:${a}`, type: 8, at },
      { key: `d:${a}`, type: 1, at },
      { key: `d:${a}`, type: 2, at },
      { key: `d:${b}`, type: 16, at, detail: "NACK" },
      { key: `d:${b}`, type: 1, at },
      { key: `d:${c}`, type: 2, at },
      { key: "sms:test-2", type: 1, at },
    ]);
    expect(out).toEqual([
      "interim",
      "delivered",
      "unchanged",
      "failed",
      "unchanged",
      "unchanged",
      "not-a-delivery",
    ]);
    expect((await status(a!)).status).toBe("delivered");
    expect((await status(b!)).status).toBe("failed");
    expect((await status(c!)).status).toBe("delivered");
  });

  it("the report writer groups concurrent reports and settles each one after its write", async () => {
    const ids = await smsDeliveries(40);
    const writer = createReportWriter(h.db);
    const at = new Date();
    const outcomes = await Promise.all(
      [...ids, ids[0]!].map((id) => writer.apply({ key: `d:${id}`, type: 1, at })),
    );
    expect(outcomes.slice(0, 40).every((o) => o === "delivered")).toBe(true);
    expect(outcomes[40]).toBe("unchanged");
    const rows = await h.db
      .select({ status: deliveries.status })
      .from(deliveries)
      .where(eq(deliveries.id, ids[39]!));
    expect(rows[0]!.status).toBe("delivered");
  });

  it("batched reports and the sender's markSent on the same rows in opposite orders never deadlock", async () => {
    // Each statement locks several rows; without a common lock order two of them can wait for
    // each other (PostgreSQL then kills one with "deadlock detected"). Ten rounds of 300 rows.
    for (let round = 0; round < 10; round++) {
      const { campaignId, ids } = await smsCampaign(300);
      const at = new Date();
      const reversed = [...ids].reverse();
      const [sent, outcomes] = await Promise.all([
        markSent(
          h.db,
          campaignId,
          ids.map((id) => ({ id, providerId: `kannel:d:${id}`, parts: 1 })),
        ),
        applyDeliveryReports(
          h.db,
          reversed.map((id) => ({ key: `d:${id}`, type: 1, at })),
        ),
      ]);
      expect(outcomes.filter((o) => o === "delivered")).toHaveLength(300);
      expect(sent).toBeLessThanOrEqual(300);
      const rows = await h.db
        .select({ status: deliveries.status })
        .from(deliveries)
        .where(eq(deliveries.campaignId, campaignId));
      expect(rows.every((r) => r.status === "delivered")).toBe(true);
    }
  });
});
