import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { organizations, users } from "@/db/schema";
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
const { setPartnerAction, setSuspendedAction } = await import("./actions");

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
});
