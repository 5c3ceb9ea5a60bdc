import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { consentEvents, contacts, deliveries, emailEvents, suppressions } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createSentCampaignSetup } from "@/db/seed/campaign-factories";
import { addressHash } from "@/lib/consent/address-hash";
import { resetEnvCache } from "@/lib/env";
import { createRegister } from "@/lib/registers/registers";
import { GET as unsubGet, POST as unsubPost } from "@/app/(public)/u/[token]/route";
import { signToken } from "./tokens";
import { loadPreferences, setPreference } from "./unsubscribe";

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

describe("unsubscribe (E10)", () => {
  it("GET changes nothing; one-click POST unsubscribes once, suppresses and records", async () => {
    const s = await setup(1);
    const d = s.deliveries[0]!;
    const token = signToken("unsubscribe", d.id);
    const g = await unsubGet(req(`/u/${token}?lang=en`), ctx(token));
    expect(g.status).toBe(303);
    expect(g.headers.get("location")).toMatch(new RegExp(`/u/${token}/confirm\\?lang=en$`));
    expect((await delivery(d.id)).unsubscribedAt).toBeNull();

    const post = () =>
      unsubPost(
        req(`/u/${token}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
        ctx(token),
      );
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    expect((await delivery(d.id)).unsubscribedAt).not.toBeNull();
    const [c] = await h.db.select().from(contacts).where(eq(contacts.id, d.contactId!));
    expect(c!.emailStatus).toBe("unsubscribed");
    const consent = await h.db
      .select()
      .from(consentEvents)
      .where(eq(consentEvents.contactId, d.contactId!));
    expect(consent.filter((e) => e.action === "unsubscribe")).toHaveLength(1);
    expect(consent[consent.length - 1]!.source).toBe("link");
    expect((await eventsOf(d.id)).filter((e) => e.type === "unsubscribe")).toHaveLength(1);
    const sup = await h.db
      .select()
      .from(suppressions)
      .where(
        and(
          eq(suppressions.orgId, s.org.id),
          eq(suppressions.hash, addressHash("email", d.address)),
        ),
      );
    expect(sup).toHaveLength(1);
  });

  it("a tampered token is a 404 and unsubscribes nobody", async () => {
    const s = await setup(1);
    const token = signToken("unsubscribe", s.deliveries[0]!.id);
    const bad = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    const r = await unsubPost(
      req(`/u/${bad}`, { method: "POST", body: "List-Unsubscribe=One-Click" }),
      ctx(bad),
    );
    expect(r.status).toBe(404);
    expect((await delivery(s.deliveries[0]!.id)).unsubscribedAt).toBeNull();
  });

  it("the preference centre lists the person's registers and each toggle is a consent event", async () => {
    const s = await setup(1);
    const d = s.deliveries[0]!;
    const other = await createRegister(s.db, s.org.id, s.actor, { name: "Jäsenet", columns: [] });
    const [second] = await s.db
      .insert(contacts)
      .values({
        orgId: s.org.id,
        registerId: other.id,
        email: d.address.toUpperCase(),
        phone: "+358401234567",
      })
      .returning();
    const token = signToken("unsubscribe", d.id);
    const prefs = await loadPreferences(s.db, token);
    expect(prefs!.rows.map((r) => r.registerName).sort()).toEqual(["Asiakkaat", "Jäsenet"]);

    const opts = { wording: "test", ip: "127.0.0.1" };
    await setPreference(
      s.db,
      token,
      { contactId: second!.id, channel: "email", subscribe: true },
      opts,
    );
    await setPreference(
      s.db,
      token,
      { contactId: second!.id, channel: "sms", subscribe: true },
      opts,
    );
    await setPreference(
      s.db,
      token,
      { contactId: second!.id, channel: "sms", subscribe: false },
      opts,
    );
    // Unchanged state: no event.
    await setPreference(
      s.db,
      token,
      { contactId: second!.id, channel: "sms", subscribe: false },
      opts,
    );
    const ev = await s.db
      .select()
      .from(consentEvents)
      .where(eq(consentEvents.contactId, second!.id));
    expect(ev.map((e) => `${e.channel}:${e.action}`)).toEqual([
      "email:confirm",
      "sms:subscribe",
      "sms:unsubscribe",
    ]);
    const [after] = await s.db.select().from(contacts).where(eq(contacts.id, second!.id));
    expect([after!.emailStatus, after!.smsStatus]).toEqual(["subscribed", "unsubscribed"]);

    // A contact of another organisation is not reachable with this token.
    const b = await setup(1);
    await expect(
      setPreference(
        s.db,
        token,
        { contactId: b.people[0]!.id, channel: "email", subscribe: false },
        opts,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a deleted contact: the address is still suppressed, the page says it is removed", async () => {
    const s = await setup(1);
    const d = s.deliveries[0]!;
    await s.db.delete(contacts).where(eq(contacts.id, d.contactId!));
    const token = signToken("unsubscribe", d.id);
    const prefs = await loadPreferences(s.db, token);
    expect(prefs!.ctx.contactId).toBeNull();
    expect(prefs!.rows).toHaveLength(0);
    const r = await unsubPost(
      req(`/u/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click" }),
      ctx(token),
    );
    expect(r.status).toBe(200);
    const sup = await h.db
      .select()
      .from(suppressions)
      .where(
        and(
          eq(suppressions.orgId, s.org.id),
          eq(suppressions.hash, addressHash("email", d.address)),
        ),
      );
    expect(sup[0]?.reason).toBe("unsubscribe");
  });
});
