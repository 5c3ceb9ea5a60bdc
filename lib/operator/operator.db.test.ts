import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, organizations, users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { getOrganizationForOperator, searchOrganizations } from "./queries";
import { setOrganizationPartner, setOrganizationSuspended } from "./service";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function operator() {
  const u = await createUser(h.db);
  await h.db.update(users).set({ isOperator: true }).where(eq(users.id, u.id));
  return u;
}
const actor = (u: { id: string; email: string }) => ({
  operatorId: u.id,
  operatorEmail: u.email,
  ip: "203.0.113.1",
});
const orgRow = async (id: string) =>
  (await h.db.select().from(organizations).where(eq(organizations.id, id)))[0]!;

describe("operator functions refuse everyone who is not an operator", () => {
  it("a main user (of the very organisation) gets not found for every function, and nothing changes", async () => {
    const org = await createOrg(h.db);
    const main = await createUser(h.db, { orgId: org.id, role: "main" });
    const calls = [
      () => searchOrganizations(h.db, main.id, { q: "" }),
      () => getOrganizationForOperator(h.db, main.id, org.id),
      () => setOrganizationSuspended(h.db, actor(main), org.id, true),
      () => setOrganizationSuspended(h.db, actor(main), org.id, false),
      () => setOrganizationPartner(h.db, actor(main), org.id, true),
      () => setOrganizationPartner(h.db, actor(main), org.id, false),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await orgRow(org.id)).toMatchObject({
      status: "active",
      isPartner: false,
      suspendedAt: null,
    });
    expect(await h.db.select().from(auditLog).where(eq(auditLog.orgId, org.id))).toHaveLength(0);
  });

  it("a revoked operator flag counts at once (read from the database, not the session)", async () => {
    const op = await operator();
    const org = await createOrg(h.db);
    await h.db.update(users).set({ isOperator: false }).where(eq(users.id, op.id));
    await expect(setOrganizationSuspended(h.db, actor(op), org.id, true)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("operator functions", () => {
  it("suspend and unsuspend set status and time, audited with the operator as actor and the org as orgId", async () => {
    const op = await operator();
    const org = await createOrg(h.db);
    const now = new Date("2026-05-04T08:00:00Z");
    expect(await setOrganizationSuspended(h.db, actor(op), org.id, true, now)).toEqual({
      changed: true,
    });
    expect(await orgRow(org.id)).toMatchObject({ status: "suspended", suspendedAt: now });
    // A second suspend is a no-op and records nothing more.
    expect(await setOrganizationSuspended(h.db, actor(op), org.id, true, now)).toEqual({
      changed: false,
    });
    expect(await setOrganizationSuspended(h.db, actor(op), org.id, false)).toEqual({
      changed: true,
    });
    expect(await orgRow(org.id)).toMatchObject({ status: "active", suspendedAt: null });
    const entries = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.orgId, org.id))
      .orderBy(auditLog.id);
    expect(entries.map((e) => [e.action, e.actorId, e.targetId])).toEqual([
      ["org.suspended", op.id, org.id],
      ["org.unsuspended", op.id, org.id],
    ]);
  });

  it("grants and revokes the partner role, audited", async () => {
    const op = await operator();
    const org = await createOrg(h.db);
    await setOrganizationPartner(h.db, actor(op), org.id, true);
    expect((await orgRow(org.id)).isPartner).toBe(true);
    await setOrganizationPartner(h.db, actor(op), org.id, false);
    expect((await orgRow(org.id)).isPartner).toBe(false);
    const actions = (
      await h.db.select().from(auditLog).where(eq(auditLog.orgId, org.id)).orderBy(auditLog.id)
    ).map((e) => e.action);
    expect(actions).toEqual(["org.partner_granted", "org.partner_revoked"]);
  });

  it("an unknown organisation id is not found", async () => {
    const op = await operator();
    await expect(
      setOrganizationSuspended(h.db, actor(op), "00000000-0000-4000-8000-000000000000", true),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setOrganizationPartner(h.db, actor(op), "nonsense", true)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getOrganizationForOperator(h.db, op.id, "nonsense")).toBeNull();
  });

  it("searches by name, slug, Y-tunnus and customer number; % is literal", async () => {
    const op = await operator();
    const tag = Math.random().toString(36).slice(2, 8);
    const org = await createOrg(h.db, `Hakutesti ${tag} Oy`);
    await h.db
      .update(organizations)
      .set({ businessId: "2345678-0", customerNumber: `9${tag}` })
      .where(eq(organizations.id, org.id));
    const main = await createUser(h.db, { orgId: org.id });
    for (const q of [`hakutesti ${tag}`, org.slug.toUpperCase(), `9${tag}`]) {
      const r = await searchOrganizations(h.db, op.id, { q });
      expect(
        r.rows.map((o) => o.id),
        q,
      ).toEqual([org.id]);
      expect(r.rows[0]!.members).toBe(1);
    }
    expect(
      (await searchOrganizations(h.db, op.id, { q: "2345678-0" })).rows.map((o) => o.id),
    ).toContain(org.id);
    expect((await searchOrganizations(h.db, op.id, { q: `%${tag}` })).total).toBe(0);
    const detail = await getOrganizationForOperator(h.db, op.id, org.id);
    expect(detail?.members.map((m) => m.email)).toEqual([main.email]);
  });
});
