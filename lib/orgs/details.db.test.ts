import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, organizations } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { getOrgDetails, OrgDetailsSchema, updateOrgDetails } from "./details";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const valid = {
  name: "Uusi Nimi Oy",
  businessId: "0737546-2",
  billingAddress: "Laskutie 1\n00100 Helsinki",
  contactEmails: "info@uusi.fi\nlaskut@uusi.fi",
};
const actorOf = (orgId: string, u: { id: string; email: string }) => ({
  orgId,
  userId: u.id,
  userEmail: u.email,
  ip: "192.0.2.1",
});

describe("organisation details schema", () => {
  it("accepts valid details and normalises them", () => {
    const r = OrgDetailsSchema.parse({
      ...valid,
      businessId: " 737546-2 ",
      contactEmails: "a@b.fi, c@d.fi;\n\nA@B.fi",
    });
    expect(r.businessId).toBe("0737546-2");
    expect(r.contactEmails).toEqual(["a@b.fi", "c@d.fi"]);
  });

  it("gives a clear message for a Y-tunnus with a wrong check digit, an empty name and a bad address line", () => {
    const r = OrgDetailsSchema.safeParse({
      ...valid,
      name: " ",
      businessId: "0737546-3",
      contactEmails: "ok@b.fi\nei-osoite\nmyos@ok.fi",
    });
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(msgs).toEqual(
      expect.arrayContaining([
        "name:errors.ORG_NAME_REQUIRED",
        "businessId:errors.BUSINESS_ID_INVALID",
        "contactEmails:errors.CONTACT_EMAIL_INVALID|line=2",
      ]),
    );
  });

  it("limits the number of contact e-mails", () => {
    const many = Array.from({ length: 21 }, (_, i) => `a${i}@b.fi`).join("\n");
    expect(
      OrgDetailsSchema.safeParse({ ...valid, contactEmails: many }).error?.issues[0]?.message,
    ).toBe("errors.CONTACT_EMAILS_TOO_MANY|max=20");
  });
});

describe("updateOrgDetails", () => {
  it("a main user saves the details; the changed field names are audited; the customer number stays", async () => {
    const org = await createOrg(h.db);
    await h.db
      .update(organizations)
      .set({ customerNumber: "555001" })
      .where(eq(organizations.id, org.id));
    const main = await createUser(h.db, { orgId: org.id, role: "main" });
    const res = await updateOrgDetails(
      h.db,
      actorOf(org.id, main),
      OrgDetailsSchema.parse({ ...valid, businessId: org.businessId! }),
    );
    expect(res.changed).toEqual(["name", "billingAddress", "contactEmails"]);
    const d = await getOrgDetails(h.db, org.id);
    expect(d).toMatchObject({
      name: "Uusi Nimi Oy",
      customerNumber: "555001",
      billingAddress: valid.billingAddress,
      contactEmails: ["info@uusi.fi", "laskut@uusi.fi"],
    });
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "org.updated")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: main.id,
      targetId: org.id,
      details: { fields: ["name", "billingAddress", "contactEmails"] },
    });

    // Saving the same values again changes nothing and records nothing.
    expect(
      (
        await updateOrgDetails(
          h.db,
          actorOf(org.id, main),
          OrgDetailsSchema.parse({ ...valid, businessId: org.businessId! }),
        )
      ).changed,
    ).toEqual([]);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.orgId, org.id))).toHaveLength(1);
  });

  it("editors and viewers are refused and nothing changes", async () => {
    const org = await createOrg(h.db);
    for (const role of ["editor", "viewer"] as const) {
      const u = await createUser(h.db, { orgId: org.id, role });
      await expect(
        updateOrgDetails(h.db, actorOf(org.id, u), OrgDetailsSchema.parse(valid)),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await getOrgDetails(h.db, org.id))?.name).toBe(org.name);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.orgId, org.id))).toHaveLength(0);
  });

  it("a main user of organisation A cannot change organisation B (not found)", async () => {
    const a = await createOrg(h.db);
    const b = await createOrg(h.db);
    const mainA = await createUser(h.db, { orgId: a.id, role: "main" });
    await expect(
      updateOrgDetails(h.db, actorOf(b.id, mainA), OrgDetailsSchema.parse(valid)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getOrgDetails(h.db, b.id))?.name).toBe(b.name);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.orgId, b.id))).toHaveLength(0);
  });
});
