import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db";
import { campaigns, contacts, deliveries, segments, suppressions } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { addressHash } from "@/lib/consent/address-hash";
import { AppError } from "@/lib/errors";
import { createRegister } from "@/lib/registers/registers";
import { createSegment } from "@/lib/segments/segments";
import {
  claimDeliveries,
  deliveryCounts,
  markFailed,
  markSent,
  materializeAudience,
} from "./deliveries";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

type Status = "none" | "pending" | "subscribed" | "unsubscribed";

async function setup(contactCount = 0) {
  const db = h.db;
  const org = await createOrg(db);
  const u = await createUser(db, { orgId: org.id, role: "main" });
  const actor = { userId: u.id, userEmail: u.email, ip: null };
  const register = await createRegister(db, org.id, actor, {
    name: "Asiakkaat",
    columns: [{ label: "Kaupunki", type: "text" }],
  });
  const add = (
    email: string | null,
    phone: string | null,
    emailStatus: Status,
    smsStatus: Status,
    city: string,
  ) =>
    db
      .insert(contacts)
      .values({
        orgId: org.id,
        registerId: register.id,
        email,
        phone,
        emailStatus,
        smsStatus,
        data: { kaupunki: city },
      })
      .returning()
      .then((r) => r[0]!);
  if (contactCount > 0)
    await db.insert(contacts).values(
      Array.from({ length: contactCount }, (_, i) => ({
        orgId: org.id,
        registerId: register.id,
        email: `bulk${i}@example.fi`,
        emailStatus: "subscribed" as const,
      })),
    );
  const campaign = async (
    channel: "email" | "sms",
    segmentId: string | null = null,
  ): Promise<string> => {
    const [c] = await db
      .insert(campaigns)
      .values({
        orgId: org.id,
        channel,
        name: `Kampanja ${channel}`,
        registerId: register.id,
        audience: segmentId ? "segment" : "register",
        segmentId,
      })
      .returning();
    return c!.id;
  };
  return { db, org, actor, register, add, campaign };
}

const addresses = async (campaignId: string) =>
  (
    await h.db
      .select({ address: deliveries.address })
      .from(deliveries)
      .where(eq(deliveries.campaignId, campaignId))
  )
    .map((r) => r.address)
    .sort();

describe("materializeAudience", () => {
  it("takes subscribed, unsuppressed contacts of the channel, once", async () => {
    const s = await setup();
    await s.add("Maija@Example.fi", "+358401111111", "subscribed", "none", "Helsinki");
    await s.add("ei-lupaa@example.fi", "+358402222222", "none", "subscribed", "Helsinki");
    await s.add("lahti@example.fi", null, "unsubscribed", "none", "Espoo");
    await s.add("estetty@example.fi", "+358403333333", "subscribed", "subscribed", "Helsinki");
    await s.add("odottaa@example.fi", null, "pending", "none", "Oulu");
    await s.add(null, "+358404444444", "none", "subscribed", "Espoo");
    await s.add("espoo@example.fi", null, "subscribed", "none", "Espoo");
    await s.db.insert(suppressions).values([
      {
        orgId: s.org.id,
        channel: "email",
        hash: addressHash("email", "estetty@example.fi"),
        reason: "manual",
      },
      {
        orgId: s.org.id,
        channel: "sms",
        hash: addressHash("sms", "+358403333333"),
        reason: "manual",
      },
    ]);

    const email = await s.campaign("email");
    expect(await materializeAudience(s.db, s.org.id, email)).toBe(2);
    expect(await addresses(email)).toEqual(["espoo@example.fi", "maija@example.fi"]);
    // A second run (duplicate job, crash after commit) adds no one.
    expect(await materializeAudience(s.db, s.org.id, email)).toBe(2);
    expect(await addresses(email)).toHaveLength(2);

    const sms = await s.campaign("sms");
    expect(await materializeAudience(s.db, s.org.id, sms)).toBe(2);
    expect(await addresses(sms)).toEqual(["+358402222222", "+358404444444"]);
    const [c] = await s.db.select().from(campaigns).where(eq(campaigns.id, sms));
    expect(c!.recipients).toBe(2);
    expect(c!.materializedAt).toBeInstanceOf(Date);
  });

  it("takes a segment's contacts and refuses a deleted segment instead of widening", async () => {
    const s = await setup();
    await s.add("hki@example.fi", null, "subscribed", "none", "Helsinki");
    await s.add("espoo@example.fi", null, "subscribed", "none", "Espoo");
    const segment = await createSegment(s.db, s.org.id, s.actor, {
      registerId: s.register.id,
      name: "Helsinki",
      filter: {
        type: "group",
        op: "and",
        children: [{ type: "cond", field: "kaupunki", operator: "equals", value: "Helsinki" }],
      },
    });
    const id = await s.campaign("email", segment.id);
    expect(await materializeAudience(s.db, s.org.id, id)).toBe(1);
    expect(await addresses(id)).toEqual(["hki@example.fi"]);

    const later = await s.campaign("email", segment.id);
    await s.db.delete(segments).where(eq(segments.id, segment.id));
    await expect(materializeAudience(s.db, s.org.id, later)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "campaigns.errors.segmentGone",
    });
    expect(await addresses(later)).toEqual([]);
  });

  it("is scoped to the organisation", async () => {
    const a = await setup();
    const b = await setup();
    await a.add("a@example.fi", null, "subscribed", "none", "Helsinki");
    const id = await a.campaign("email");
    const err = await materializeAudience(b.db, b.org.id, id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("NOT_FOUND");
    expect(await addresses(id)).toEqual([]);
    await materializeAudience(a.db, a.org.id, id);
    expect(await deliveryCounts(b.db, b.org.id, id)).toMatchObject({ queued: 0 });
    expect(await deliveryCounts(a.db, a.org.id, id)).toMatchObject({ queued: 1 });
  });
});

describe("claimDeliveries / markSent / markFailed", () => {
  it("gives concurrent senders disjoint rows and sends everyone exactly once", async () => {
    const s = await setup(300);
    const id = await s.campaign("email");
    expect(await materializeAudience(s.db, s.org.id, id)).toBe(300);
    const sentBy: number[][] = [[], [], [], []];
    await Promise.all(
      sentBy.map(async (mine, worker) => {
        for (;;) {
          const batch = await claimDeliveries(s.db, id, 25, 60_000);
          if (batch.length === 0) return;
          mine.push(...batch.map((d) => d.id));
          await markSent(
            s.db,
            id,
            batch.map((d) => ({ id: d.id, providerId: `w${worker}-${d.id}` })),
          );
        }
      }),
    );
    const all = sentBy.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect(await deliveryCounts(s.db, s.org.id, id)).toMatchObject({ queued: 0, sent: 300 });
    // A late duplicate report of a batch changes nothing.
    expect(await markSent(s.db, id, [{ id: all[0]!, providerId: "again" }])).toBe(0);
  });

  it("reclaims a crashed sender's rows after the lease and retries transient errors", async () => {
    const s = await setup(3);
    const id = await s.campaign("email");
    await materializeAudience(s.db, s.org.id, id);
    const first = await claimDeliveries(s.db, id, 10, 60_000);
    expect(first).toHaveLength(3);
    // Leased: nobody else gets them.
    expect(await claimDeliveries(s.db, id, 10, 60_000)).toEqual([]);
    // The sender "crashes": its lease runs out.
    await s.db.execute(
      sql`update deliveries set claimed_until = now() - interval '1 second' where campaign_id = ${id}::uuid`,
    );
    const again = await claimDeliveries(s.db, id, 10, 60_000);
    expect(again.map((d) => d.id)).toEqual(first.map((d) => d.id));
    expect(again.every((d) => d.attempts === 2)).toBe(true);

    const [x, y, z] = again;
    await markFailed(s.db, id, x!.id, "550 no such user", { permanent: true });
    await markFailed(s.db, id, y!.id, "421 try later", { permanent: false, retryInMs: 60_000 });
    await markSent(s.db, id, [{ id: z!.id, providerId: "p-1" }]);
    expect(await deliveryCounts(s.db, s.org.id, id)).toMatchObject({
      queued: 1,
      sent: 1,
      failed: 1,
    });
    // The transient one waits for its retry time; the failed one never comes back.
    expect(await claimDeliveries(s.db, id, 10, 60_000)).toEqual([]);
    await s.db.execute(
      sql`update deliveries set claimed_until = now() - interval '1 second' where id = ${y!.id}`,
    );
    expect((await claimDeliveries(s.db, id, 10, 60_000)).map((d) => d.id)).toEqual([y!.id]);
    const [row] = await queryRows<{ error: string }>(
      s.db,
      sql`select error from deliveries where id = ${x!.id}`,
    );
    expect(row!.error).toBe("550 no such user");
  });
});
