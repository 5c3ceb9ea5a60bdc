import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { deliveries, emailEvents, suppressions, webhookEvents } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { createEmailContacts, createSentEmailCampaign } from "@/db/seed/campaign-factories";
import { addressHash } from "@/lib/consent/address-hash";
import { resetEnvCache } from "@/lib/env";
import { createRegister } from "@/lib/registers/registers";
import { POST } from "@/app/api/webhooks/resend/route";
import { signSvix, verifySvix } from "./webhooks";

const SECRET = `whsec_${Buffer.from("resend-webhook-test-secret-32byt").toString("base64")}`;
process.env.AUTH_SECRET = "tracking-test-secret-0123456789abcdef";
process.env.RESEND_WEBHOOK_SECRET = SECRET;
resetEnvCache();

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function setup(n = 3) {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role: "main" });
  const actor = { userId: u.id, userEmail: u.email, ip: null };
  const register = await createRegister(h.db, org.id, actor, { name: "Asiakkaat", columns: [] });
  await createEmailContacts(h.db, org.id, register.id, n);
  return {
    org,
    ...(await createSentEmailCampaign(h.db, { orgId: org.id, registerId: register.id })),
  };
}

let seq = 0;
/** A webhook request signed like Resend (Svix) signs it. */
function webhook(
  type: string,
  data: Record<string, unknown>,
  opts: { id?: string; ts?: number; secret?: string; tamper?: boolean } = {},
) {
  const id = opts.id ?? `msg_${Date.now()}_${seq++}`;
  const ts = String(opts.ts ?? Math.floor(Date.now() / 1000));
  const body = JSON.stringify({ type, created_at: new Date().toISOString(), data });
  const signature = signSvix(opts.secret ?? SECRET, id, ts, body);
  return {
    id,
    request: () =>
      new Request("http://localhost/api/webhooks/resend", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "svix-id": id,
          "svix-timestamp": ts,
          "svix-signature": `v1,bogus ${signature}`,
        },
        body: opts.tamper ? body.replace(type, "email.delivered") : body,
      }),
  };
}

const row = async (id: number) =>
  (await h.db.select().from(deliveries).where(eq(deliveries.id, id)))[0]!;
const suppressed = async (orgId: string, address: string) =>
  (
    await h.db
      .select()
      .from(suppressions)
      .where(
        and(eq(suppressions.orgId, orgId), eq(suppressions.hash, addressHash("email", address))),
      )
  )[0];

describe("Svix signature", () => {
  it("accepts a valid signature, refuses a bad one and a stale or future timestamp", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const ts = String(now.getTime() / 1000);
    const sig = signSvix(SECRET, "msg_1", ts, "{}");
    const h1 = { id: "msg_1", timestamp: ts, signature: sig };
    expect(verifySvix(SECRET, h1, "{}", now)).toBe("ok");
    expect(verifySvix(SECRET, h1, "{ }", now)).toBe("bad-signature");
    expect(verifySvix(SECRET, { ...h1, id: "msg_2" }, "{}", now)).toBe("bad-signature");
    expect(verifySvix(SECRET, h1, "{}", new Date(now.getTime() + 301_000))).toBe("stale");
    expect(verifySvix(SECRET, h1, "{}", new Date(now.getTime() - 301_000))).toBe("stale");
    expect(verifySvix(SECRET, { ...h1, signature: null }, "{}", now)).toBe("missing");
  });
});

describe("POST /api/webhooks/resend", () => {
  it("a hard bounce marks the delivery and suppresses the address; a duplicate does nothing", async () => {
    const s = await setup();
    const d = s.deliveries[0]!;
    const w = webhook("email.bounced", {
      email_id: d.providerId,
      bounce: { type: "Permanent", subType: "General", message: "No such user" },
    });
    expect((await POST(w.request())).status).toBe(200);
    expect((await POST(w.request())).status).toBe(200);
    const r = await row(d.id);
    expect(r.bounceKind).toBe("hard");
    expect(r.status).toBe("bounced");
    expect((await suppressed(s.org.id, d.address))?.reason).toBe("bounce");
    const ev = await h.db.select().from(emailEvents).where(eq(emailEvents.deliveryId, d.id));
    expect(ev).toHaveLength(1);
    const stored = await h.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.externalId, w.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.processedAt).not.toBeNull();
  });

  it("a soft bounce is recorded but does not suppress", async () => {
    const s = await setup();
    const d = s.deliveries[1]!;
    const w = webhook("email.bounced", { email_id: d.providerId, bounce: { type: "Transient" } });
    expect((await POST(w.request())).status).toBe(200);
    const r = await row(d.id);
    expect(r.bounceKind).toBe("soft");
    expect(r.status).toBe("sent");
    expect(await suppressed(s.org.id, d.address)).toBeUndefined();
  });

  it("delivered and complained set their timestamps; a complaint suppresses", async () => {
    const s = await setup();
    const d = s.deliveries[2]!;
    await POST(webhook("email.delivered", { email_id: d.providerId }).request());
    await POST(webhook("email.delivery_delayed", { email_id: d.providerId }).request());
    await POST(webhook("email.complained", { email_id: d.providerId }).request());
    const r = await row(d.id);
    expect(r.deliveredAt).not.toBeNull();
    expect(r.status).toBe("delivered");
    expect(r.complainedAt).not.toBeNull();
    expect((await suppressed(s.org.id, d.address))?.reason).toBe("complaint");
  });

  it("refuses a bad signature, a tampered body and a stale timestamp, storing nothing", async () => {
    const s = await setup(1);
    const d = s.deliveries[0]!;
    const data = { email_id: d.providerId, bounce: { type: "Permanent" } };
    const wrongKey = `whsec_${Buffer.from("another-secret-of-32-bytes-long!").toString("base64")}`;
    const cases = [
      webhook("email.bounced", data, { secret: wrongKey }),
      webhook("email.bounced", data, { tamper: true }),
      webhook("email.bounced", data, { ts: Math.floor(Date.now() / 1000) - 600 }),
    ];
    for (const c of cases) expect((await POST(c.request())).status).toBe(401);
    for (const c of cases)
      expect(
        await h.db.select().from(webhookEvents).where(eq(webhookEvents.externalId, c.id)),
      ).toHaveLength(0);
    expect((await row(d.id)).bouncedAt).toBeNull();
    expect(await suppressed(s.org.id, d.address)).toBeUndefined();
  });
});
