import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { exportAuditLog } from "./export";
import { recordAudit } from "./record";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const run = (orgId: string, user: { id: string; email: string }, filters = {}) =>
  exportAuditLog(h.db, {
    orgId,
    userId: user.id,
    userEmail: user.email,
    ip: "198.51.100.7",
    filters,
    locale: "fi",
  });

describe("audit CSV export", () => {
  it("exports the organisation's entries in words, neutralises formula cells and records the export", async () => {
    const org = await createOrg(h.db);
    const other = await createOrg(h.db);
    const main = await createUser(h.db, { orgId: org.id, role: "main" });
    // A person who names themselves like a formula must not get it run in the main user's Excel.
    const mallory = await createUser(h.db, { orgId: org.id, role: "editor" });
    await h.db
      .update(users)
      .set({ firstName: '=HYPERLINK("http://evil")', lastName: "x" })
      .where(eq(users.id, mallory.id));
    await recordAudit(h.db, {
      orgId: org.id,
      actorId: mallory.id,
      actorEmail: mallory.email,
      action: "auth.password_changed",
      ip: "+1",
    });
    await recordAudit(h.db, {
      orgId: other.id,
      actorEmail: "someone@other.test",
      action: "auth.sign_in_failed",
      details: { email: "someone@other.test" },
    });

    const { csv, count } = await run(org.id, main);
    expect(count).toBe(1);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Aika (Helsinki);Tekijä;Tekijän sähköposti;Tapahtumakoodi;Kuvaus;IP-osoite",
    );
    expect(lines).toHaveLength(2);
    const cells = lines[1]!.split(";");
    expect(cells[1]).toBe(`"'=HYPERLINK(""http://evil"") x"`);
    expect(cells[3]).toBe("auth.password_changed");
    expect(cells[5]).toBe("'+1");
    expect(csv).not.toContain("someone@other.test");

    const recorded = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "audit.exported")));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      actorId: main.id,
      ip: "198.51.100.7",
      details: { count: 1 },
    });
  });

  it("applies the filters to the file", async () => {
    const org = await createOrg(h.db);
    const main = await createUser(h.db, { orgId: org.id, role: "main" });
    await recordAudit(h.db, {
      orgId: org.id,
      actorId: main.id,
      action: "member.invited",
      details: { email: "a@b.fi", role: "viewer" },
    });
    await recordAudit(h.db, { orgId: org.id, actorId: main.id, action: "auth.sign_in" });
    const { csv, count } = await run(org.id, main, { action: "member.invited" });
    expect(count).toBe(1);
    expect(csv).toContain("Testi Käyttäjä kutsui osoitteen a@b.fi rooliin Katselija");
    expect(csv).not.toContain("kirjautui sisään");
  });

  it("refuses editors and viewers (forbidden) and other organisations' users (not found), recording nothing", async () => {
    const org = await createOrg(h.db);
    const other = await createOrg(h.db);
    const editor = await createUser(h.db, { orgId: org.id, role: "editor" });
    const viewer = await createUser(h.db, { orgId: org.id, role: "viewer" });
    const stranger = await createUser(h.db, { orgId: other.id, role: "main" });
    await expect(run(org.id, editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(run(org.id, viewer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(run(org.id, stranger)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.db.select().from(auditLog).where(eq(auditLog.orgId, org.id))).toHaveLength(0);
  });
});
