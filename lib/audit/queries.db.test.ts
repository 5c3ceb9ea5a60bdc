import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { auditTranslator, describeAuditEntry } from "./describe";
import { listAuditActors, listAuditEntries, parseAuditFilters } from "./queries";
import { recordAudit } from "./record";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

/** An entry at a chosen instant (recordAudit always stamps "now"). */
async function entryAt(
  orgId: string,
  actorId: string | null,
  action: string,
  at: string,
  details: Record<string, unknown> = {},
) {
  await h.db.insert(auditLog).values({
    orgId,
    actorId,
    actorEmail: "x@example.test",
    action,
    createdAt: new Date(at),
    details,
    ip: "203.0.113.9",
  });
}

describe("audit log queries", () => {
  it("lists only the organisation's own entries, newest first; B never sees A's", async () => {
    const a = await createOrg(h.db);
    const b = await createOrg(h.db);
    const ua = await createUser(h.db, { orgId: a.id });
    await entryAt(a.id, ua.id, "member.invited", "2026-02-01T10:00:00Z");
    await entryAt(a.id, ua.id, "org.updated", "2026-02-02T10:00:00Z");
    await entryAt(b.id, null, "auth.sign_in", "2026-02-03T10:00:00Z");

    const ra = await listAuditEntries(h.db, a.id, {});
    expect(ra.total).toBe(2);
    expect(ra.rows.map((r) => r.action)).toEqual(["org.updated", "member.invited"]);
    const rb = await listAuditEntries(h.db, b.id, {});
    expect(rb.rows.map((r) => r.action)).toEqual(["auth.sign_in"]);
    // A filter naming A's actor cannot widen B's view.
    expect((await listAuditEntries(h.db, b.id, { actorId: ua.id })).total).toBe(0);
    expect(await listAuditActors(h.db, b.id)).toEqual([]);
  });

  it("filters by action, person and Helsinki date range (both days inclusive)", async () => {
    const org = await createOrg(h.db);
    const u1 = await createUser(h.db, { orgId: org.id });
    const u2 = await createUser(h.db, { orgId: org.id });
    await entryAt(org.id, u1.id, "auth.sign_in", "2026-03-09T21:59:00Z"); // 9.3. 23:59 Helsinki
    await entryAt(org.id, u1.id, "auth.sign_in", "2026-03-09T22:00:00Z"); // 10.3. 00:00
    await entryAt(org.id, u2.id, "member.invited", "2026-03-10T12:00:00Z");
    await entryAt(org.id, u2.id, "auth.sign_in", "2026-03-11T21:59:59Z"); // 11.3. 23:59:59
    await entryAt(org.id, u2.id, "auth.sign_in", "2026-03-11T22:00:00Z"); // 12.3. 00:00

    const range = await listAuditEntries(h.db, org.id, { from: "2026-03-10", to: "2026-03-11" });
    expect(range.total).toBe(3);
    expect(range.rows.map((r) => r.createdAt.toISOString())).toEqual([
      "2026-03-11T21:59:59.000Z",
      "2026-03-10T12:00:00.000Z",
      "2026-03-09T22:00:00.000Z",
    ]);
    expect((await listAuditEntries(h.db, org.id, { action: "auth.sign_in" })).total).toBe(4);
    expect((await listAuditEntries(h.db, org.id, { actorId: u2.id })).total).toBe(3);
    expect(
      (
        await listAuditEntries(h.db, org.id, {
          actorId: u2.id,
          action: "auth.sign_in",
          to: "2026-03-11",
        })
      ).total,
    ).toBe(1);

    const actors = await listAuditActors(h.db, org.id);
    expect(actors.map((a) => a.id).sort()).toEqual([u1.id, u2.id].sort());
  });

  it("pages 50 at a time without gaps or repeats", async () => {
    const org = await createOrg(h.db);
    for (let i = 0; i < 120; i++)
      await entryAt(
        org.id,
        null,
        "auth.sign_in_failed",
        new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      );
    const pages = await Promise.all(
      [0, 1, 2].map((page) => listAuditEntries(h.db, org.id, {}, { page })),
    );
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(120);
    expect(pages[0]!.total).toBe(120);
  });

  it("drops filter values that are not valid and names them", () => {
    expect(
      parseAuditFilters({
        action: "org.updated",
        actor: "not-a-uuid",
        from: "2026-02-30",
        to: "2026-03-01",
      }),
    ).toEqual({
      filters: { action: "org.updated", to: "2026-03-01" },
      invalid: ["actor", "from"],
    });
    expect(parseAuditFilters({ action: "drop table" }).invalid).toEqual(["action"]);
  });

  it("describes entries in words in both languages", async () => {
    const org = await createOrg(h.db);
    const dora = await createUser(h.db, { orgId: org.id });
    await h.db
      .update(users)
      .set({ firstName: "Dora", lastName: "Demo" })
      .where(eq(users.id, dora.id));
    await recordAudit(h.db, {
      orgId: org.id,
      actorId: dora.id,
      actorEmail: dora.email,
      action: "member.invited",
      details: { email: "x@y.fi", role: "editor" },
    });
    await recordAudit(h.db, {
      orgId: org.id,
      actorId: dora.id,
      actorEmail: dora.email,
      action: "org.updated",
      details: { fields: ["name", "billingAddress"] },
    });
    const { rows } = await listAuditEntries(h.db, org.id, {});
    const fi = await auditTranslator("fi");
    const en = await auditTranslator("en");
    const invited = rows.find((r) => r.action === "member.invited")!;
    expect(describeAuditEntry(invited, fi)).toBe(
      "Dora Demo kutsui osoitteen x@y.fi rooliin Muokkaaja",
    );
    expect(describeAuditEntry(invited, en)).toBe("Dora Demo invited x@y.fi as Editor");
    const updated = rows.find((r) => r.action === "org.updated")!;
    expect(describeAuditEntry(updated, fi)).toBe(
      "Dora Demo muutti organisaation tietoja: nimi, laskutusosoite",
    );
    expect(
      describeAuditEntry(
        { ...updated, action: "something.new", actorName: null, actorEmail: null },
        fi,
      ),
    ).toBe("Tuntematon käyttäjä: something.new");
  });
});

describe("append-only audit log", () => {
  it("refuses UPDATE and DELETE, even in raw SQL", async () => {
    const org = await createOrg(h.db);
    await recordAudit(h.db, {
      orgId: org.id,
      action: "auth.sign_in",
      actorEmail: "a@example.test",
    });
    const [row] = await h.db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    await expect(
      h.db.update(auditLog).set({ action: "auth.sign_up" }).where(eq(auditLog.id, row!.id)),
    ).rejects.toThrow();
    await expect(h.db.execute(sql`delete from audit_log where id = ${row!.id}`)).rejects.toThrow();
    const [after] = await h.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(after?.action).toBe("auth.sign_in");
  });
});
