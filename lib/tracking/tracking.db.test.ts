import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { campaignLinks, deliveries, emailEvents } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createSentCampaignSetup } from "@/db/seed/campaign-factories";
import { resetEnvCache } from "@/lib/env";
import { GET as pixel } from "@/app/(public)/t/o/[token]/route";
import { GET as click } from "@/app/(public)/t/c/[token]/route";
import { recordEvent } from "./events";
import { signToken } from "./tokens";

process.env.AUTH_SECRET = "tracking-test-secret-0123456789abcdef";
resetEnvCache();

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const setup = (n = 2) =>
  createSentCampaignSetup(h.db, {
    contacts: n,
    links: [
      { url: "https://example.fi/a", label: "A" },
      { url: "https://example.fi/b?x=1", label: "B" },
    ],
  });

const delivery = async (id: number) =>
  (await h.db.select().from(deliveries).where(eq(deliveries.id, id)))[0]!;
const eventsOf = (id: number) =>
  h.db.select().from(emailEvents).where(eq(emailEvents.deliveryId, id));
const ctx = (token: string) => ({ params: Promise.resolve({ token }) });
const req = (url: string, init?: RequestInit) => new Request(`http://localhost${url}`, init);

describe("recordEvent", () => {
  it("records an event once per dedupe key and keeps the first occurrence", async () => {
    const s = await setup(1);
    const d = s.deliveries[0]!;
    const t1 = new Date("2026-11-30T10:00:00Z");
    const t2 = new Date("2026-11-30T11:00:00Z");
    const a = await recordEvent(s.db, {
      deliveryId: d.id,
      type: "open",
      dedupeKey: `k1-${d.id}`,
      at: t1,
    });
    const b = await recordEvent(s.db, {
      deliveryId: d.id,
      type: "open",
      dedupeKey: `k1-${d.id}`,
      at: t2,
    });
    const c = await recordEvent(s.db, {
      deliveryId: d.id,
      type: "open",
      dedupeKey: `k2-${d.id}`,
      at: t2,
    });
    expect([a.recorded, b.recorded, c.recorded]).toEqual([true, false, true]);
    expect(await eventsOf(d.id)).toHaveLength(2);
    expect((await delivery(d.id)).openedAt?.toISOString()).toBe(t1.toISOString());
  });

  it("counts a click without an open as an open too (one implied open event)", async () => {
    const s = await setup(1);
    const d = s.deliveries[0]!;
    await recordEvent(s.db, {
      deliveryId: d.id,
      type: "click",
      linkIdx: 0,
      dedupeKey: `c1-${d.id}`,
    });
    await recordEvent(s.db, {
      deliveryId: d.id,
      type: "click",
      linkIdx: 1,
      dedupeKey: `c2-${d.id}`,
    });
    const row = await delivery(d.id);
    expect(row.clickedAt).not.toBeNull();
    expect(row.openedAt).not.toBeNull();
    const ev = await eventsOf(d.id);
    expect(ev.filter((e) => e.type === "open")).toHaveLength(1);
    expect(ev.filter((e) => e.type === "click")).toHaveLength(2);
  });

  it("records nothing for a delivery that does not exist", async () => {
    const r = await recordEvent(h.db, { deliveryId: 987654321, type: "open", dedupeKey: "none" });
    expect(r).toEqual({ recorded: false, delivery: null });
  });
});

describe("open pixel and click redirect", () => {
  it("answers the GIF and records an open once per minute; a forged token records nothing", async () => {
    const s = await setup(1);
    const d = s.deliveries[0]!;
    const token = signToken("open", d.id);
    const res = await pixel(req(`/t/o/${token}`), ctx(token));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/gif");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect((await res.arrayBuffer()).byteLength).toBe(43);
    await pixel(req(`/t/o/${token}`), ctx(token));
    expect((await eventsOf(d.id)).filter((e) => e.type === "open")).toHaveLength(1);

    const forged = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    const res2 = await pixel(req(`/t/o/${forged}`), ctx(forged));
    expect(res2.status).toBe(200);
    expect((await res2.arrayBuffer()).byteLength).toBe(43);
    expect(await eventsOf(d.id)).toHaveLength(1);
  });

  it("redirects only to the campaign's own stored link and records the click", async () => {
    const s = await setup(1);
    const d = s.deliveries[0]!;
    const token = signToken("click", d.id, 1);
    const res = await click(req(`/t/c/${token}`), ctx(token));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://example.fi/b?x=1");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect((await delivery(d.id)).clickedAt).not.toBeNull();

    // A link index the campaign does not have, a forged token, an open token used as a click.
    for (const bad of [
      signToken("click", d.id, 7),
      token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"),
      signToken("open", d.id),
    ]) {
      const r = await click(req(`/t/c/${bad}`), ctx(bad));
      expect(r.status).toBe(404);
      expect(r.headers.get("location")).toBeNull();
    }
  });

  it("refuses a link of another organisation's campaign; tokens are scoped by delivery", async () => {
    const a = await setup(1);
    const b = await setup(1);
    await h.db
      .insert(campaignLinks)
      .values({ campaignId: b.campaign.id, idx: 5, url: "https://b.example.fi/only-b" });
    const tokenA = signToken("click", a.deliveries[0]!.id, 5);
    expect((await click(req(`/t/c/${tokenA}`), ctx(tokenA))).status).toBe(404);
    expect(await eventsOf(a.deliveries[0]!.id)).toHaveLength(0);
    const tokenB = signToken("click", b.deliveries[0]!.id, 5);
    const res = await click(req(`/t/c/${tokenB}`), ctx(tokenB));
    expect(res.headers.get("location")).toBe("https://b.example.fi/only-b");
    const ev = await eventsOf(b.deliveries[0]!.id);
    expect(ev.length).toBeGreaterThan(0);
    expect(ev.every((e) => e.orgId === b.org.id && e.campaignId === b.campaign.id)).toBe(true);
  });
});
