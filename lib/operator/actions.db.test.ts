import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, organizations, users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";

// The real server actions as a browser would call them (forged calls included); only the
// session, the request's IP and Next's cache are stubbed.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (session.user ? { user: session.user } : null),
}));
vi.mock("@/lib/security/request", () => ({ clientIp: async () => "192.0.2.20" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { setPartnerAction, setSmsPriceAction, setSuspendedAction } = await import("./actions");

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const form = (orgId: string, value: "on" | "off") => {
  const fd = new FormData();
  fd.set("orgId", orgId);
  fd.set("value", value);
  return fd;
};

describe("operator server actions", () => {
  it("refuse a forged call by a non-operator or a signed-out visitor, changing nothing", async () => {
    const org = await createOrg(h.db);
    const main = await createUser(h.db, { orgId: org.id, role: "main" });
    session.user = { id: main.id, email: main.email };
    expect(await setSuspendedAction(null, form(org.id, "on"))).toMatchObject({
      ok: false,
      error: "errors.NOT_FOUND",
    });
    expect(await setPartnerAction(null, form(org.id, "on"))).toMatchObject({
      ok: false,
      error: "errors.NOT_FOUND",
    });
    session.user = null;
    expect(await setSuspendedAction(null, form(org.id, "on"))).toMatchObject({
      ok: false,
      error: "errors.UNAUTHORIZED",
    });
    const [row] = await h.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row).toMatchObject({ status: "active", isPartner: false });
  });

  it("work for an operator", async () => {
    const org = await createOrg(h.db);
    const op = await createUser(h.db);
    await h.db.update(users).set({ isOperator: true }).where(eq(users.id, op.id));
    session.user = { id: op.id, email: op.email };
    expect(await setSuspendedAction(null, form(org.id, "on"))).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await setPartnerAction(null, form(org.id, "on"))).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await setSuspendedAction(null, form("not-a-uuid", "on"))).toMatchObject({
      ok: false,
      error: "errors.INVALID_INPUT",
    });
    const [row] = await h.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row).toMatchObject({ status: "suspended", isPartner: true });
  });

  it("set the price per SMS part: validated, audited, refused to non-operators", async () => {
    const org = await createOrg(h.db);
    const other = await createOrg(h.db);
    const price = (orgId: string, cents: string) => {
      const fd = new FormData();
      fd.set("orgId", orgId);
      fd.set("cents", cents);
      return fd;
    };
    const main = await createUser(h.db, { orgId: org.id, role: "main" });
    session.user = { id: main.id, email: main.email };
    expect(await setSmsPriceAction(null, price(org.id, "1"))).toMatchObject({
      ok: false,
      error: "errors.NOT_FOUND",
    });
    const op = await createUser(h.db);
    await h.db.update(users).set({ isOperator: true }).where(eq(users.id, op.id));
    session.user = { id: op.id, email: op.email };
    for (const bad of ["", "-1", "100.5", "7,1234", "abc"])
      expect(await setSmsPriceAction(null, price(org.id, bad))).toMatchObject({
        ok: false,
        fieldErrors: { cents: ["operator.smsPriceInvalid"] },
      });
    expect(await setSmsPriceAction(null, price(org.id, "7,125"))).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await setSmsPriceAction(null, price(org.id, "7.125"))).toMatchObject({
      ok: true,
      data: { changed: false },
    });
    const [row] = await h.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(Number(row!.smsPartPriceCents)).toBe(7.125);
    // Only that organisation changed.
    const [untouched] = await h.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, other.id));
    expect(Number(untouched!.smsPartPriceCents)).toBe(6.9);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    const changes = audit.filter((a) => a.action === "org.sms_price_changed");
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ actorId: op.id, details: { from: "6.9", to: "7.125" } });
  });
});
