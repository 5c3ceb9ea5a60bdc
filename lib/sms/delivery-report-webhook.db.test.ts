import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { campaigns, deliveries } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { renderCampaign } from "@/lib/campaigns/renderer";
import { sendCampaign } from "@/lib/campaigns/send";
import { resetEnvCache } from "@/lib/env";
import { applyDeliveryReport } from "./delivery-reports";
import { signReportToken } from "./report-token";
import { createSmsCampaignSetup, sandboxSmsGateway } from "./testing/sms-campaign";

// Kannel's delivery reports arrive at a public URL: the token is the only thing that ties a
// report to a delivery. These tests send real campaigns of two organisations through the
// sandbox gateway and throw hostile and out-of-order reports at the real route handler.
process.env.AUTH_SECRET = "sms-dlr-test-secret-0123456789abcdef";
resetEnvCache();

let h: Awaited<ReturnType<typeof openTestDb>>;
let GET: (req: Request) => Promise<Response>;
beforeAll(async () => {
  h = await openTestDb();
  // openTestDb made this test's database the process database the route reads.
  ({ GET } = await import("@/app/api/webhooks/sms/kannel/route"));
});
afterAll(async () => h?.dispose());

/** A sent SMS campaign of a fresh organisation; its delivery rows, all `sent`. */
async function sentCampaign(n = 2) {
  const s = await createSmsCampaignSetup(h.db, { contacts: n });
  const r = await sendCampaign(
    h.db,
    { orgId: s.org.id, campaignId: s.campaign.id },
    { gateway: sandboxSmsGateway(h.db), render: renderCampaign },
  );
  expect(r.state).toBe("finished");
  const rows = await h.db
    .select()
    .from(deliveries)
    .where(eq(deliveries.campaignId, s.campaign.id))
    .orderBy(deliveries.id);
  expect(rows.every((d) => d.status === "sent")).toBe(true);
  return { ...s, rows };
}

const report = (token: string, type: number | string, extra = "") =>
  GET(new Request(`http://x/api/webhooks/sms/kannel?t=${token}&type=${type}${extra}`));

const snapshot = async (ids: number[]) =>
  h.db
    .select({
      id: deliveries.id,
      status: deliveries.status,
      deliveredAt: deliveries.deliveredAt,
      error: deliveries.error,
    })
    .from(deliveries)
    .where(inArray(deliveries.id, ids))
    .orderBy(deliveries.id);

describe("Kannel delivery-report webhook", () => {
  it("a genuine token cannot be re-aimed at another organisation's delivery", async () => {
    const a = await sentCampaign(1);
    const b = await sentCampaign(1);
    const [da, db] = [a.rows[0]!.id, b.rows[0]!.id];
    const before = await snapshot([da, db]);
    // The token signs the whole message key "d:<id>": swap the id, keep the signature.
    const genuine = signReportToken(`d:${da}`);
    const mac = genuine.split(".")[1];
    const aimed = `${Buffer.from(`d:${db}`).toString("base64url")}.${mac}`;
    for (const type of [1, 2, 16]) expect((await report(aimed, type)).status).toBe(403);
    expect(await snapshot([da, db])).toEqual(before);

    // The genuine token changes its own delivery only.
    expect((await report(genuine, 1, "&at=1764496800")).status).toBe(200);
    const [ra, rb] = await snapshot([da, db]);
    expect(ra).toMatchObject({ status: "delivered" });
    expect(ra!.deliveredAt?.toISOString()).toBe("2025-11-30T10:00:00.000Z");
    expect(rb).toEqual(before[1]);
  });

  it("refuses malformed input with 403 and changes nothing", async () => {
    const s = await sentCampaign(1);
    const id = s.rows[0]!.id;
    const before = await snapshot([id]);
    const token = signReportToken(`d:${id}`);
    for (const [t, type] of [
      [token, "abc"],
      [token, 0],
      [token, 99],
      [token, ""],
      ["", 1],
      [`${token}x`, 1],
      [token.toUpperCase(), 1],
      [encodeURIComponent("d:1' or 1=1 --"), 1],
    ] as const)
      expect((await report(t, type)).status, `${t} ${type}`).toBe(403);
    expect(await snapshot([id])).toEqual(before);
  });

  it("repeated and out-of-order reports keep the first final state", async () => {
    const s = await sentCampaign(2);
    const [d0, d1] = s.rows.map((r) => r.id);
    const t0 = signReportToken(`d:${d0}`);
    // Accepted by the SMSC (interim), then delivered twice, then a late failure.
    expect((await report(t0, 8, "&at=1764496000")).status).toBe(200);
    expect((await snapshot([d0!]))[0]!.status).toBe("sent");
    expect((await report(t0, 1, "&at=1764496800")).status).toBe(200);
    expect((await report(t0, 1, "&at=1764500000")).status).toBe(200);
    expect((await report(t0, 16, "&reply=NACK")).status).toBe(200);
    const [r0] = await snapshot([d0!]);
    expect(r0).toMatchObject({ status: "delivered", error: null });
    expect(r0!.deliveredAt?.toISOString()).toBe("2025-11-30T10:00:00.000Z");

    // A failure first stays a failure when a late "delivered" follows; the reply is kept.
    const t1 = signReportToken(`d:${d1}`);
    expect((await report(t1, 2, "&reply=expired")).status).toBe(200);
    expect((await report(t1, 1)).status).toBe(200);
    const [r1] = await snapshot([d1!]);
    expect(r1).toMatchObject({ status: "failed", deliveredAt: null });
    expect(r1!.error).toContain("expired");
  });

  it("a report for a deleted campaign is answered (so Kannel stops retrying) and is harmless", async () => {
    const s = await sentCampaign(1);
    const other = await sentCampaign(1);
    const id = s.rows[0]!.id;
    await h.db.delete(campaigns).where(eq(campaigns.id, s.campaign.id));
    expect(await snapshot([id])).toEqual([]);
    const before = await snapshot([other.rows[0]!.id]);
    const token = signReportToken(`d:${id}`);
    expect((await report(token, 1)).status).toBe(200);
    expect((await report(token, 16, "&reply=gone")).status).toBe(200);
    expect(await applyDeliveryReport(h.db, { key: `d:${id}`, type: 1, at: new Date() })).toBe(
      "unchanged",
    );
    expect(await snapshot([id])).toEqual([]);
    expect(await snapshot([other.rows[0]!.id])).toEqual(before);
  });
});
