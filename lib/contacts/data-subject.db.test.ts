import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import {
  auditLog,
  campaigns,
  consentEvents,
  contacts,
  deliveries,
  suppressions,
} from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { addressHash } from "@/lib/consent/address-hash";
import { createRegister } from "@/lib/registers/registers";
import { createContact } from "./contacts";
import { erasePerson, exportPerson, findPerson, parsePersonQuery } from "./data-subject";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function setup() {
  const org = await createOrg(h.db);
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  const editor = await createUser(h.db, { orgId: org.id, role: "editor" });
  const viewer = await createUser(h.db, { orgId: org.id, role: "viewer" });
  const a = (u: { id: string; email: string }) => ({ userId: u.id, userEmail: u.email });
  const r1 = await createRegister(h.db, org.id, a(main), {
    name: "Asiakkaat",
    columns: [{ label: "Kaupunki", type: "text" }],
  });
  const r2 = await createRegister(h.db, org.id, a(main), { name: "Tapahtumat", columns: [] });
  return { org, main: a(main), editor: a(editor), viewer: a(viewer), r1, r2 };
}

describe("data-subject rights (R11)", () => {
  it("reads an e-mail or a Finnish phone number as the query", () => {
    expect(parsePersonQuery(" Maija@Example.FI ")).toEqual({
      channel: "email",
      value: "maija@example.fi",
    });
    expect(parsePersonQuery("040 123 4567")).toEqual({ channel: "sms", value: "+358401234567" });
    expect(parsePersonQuery("ei osoite")).toBeNull();
  });

  it("exports everything about one person across registers, audited without the address", async () => {
    const s = await setup();
    const c1 = await createContact(h.db, s.org.id, s.editor, s.r1.id, {
      email: "maija@example.fi",
      phone: "040 123 4567",
      firstName: "Maija",
      data: { kaupunki: '=HYPERLINK("x")' },
    });
    await createContact(h.db, s.org.id, s.editor, s.r2.id, { email: "MAIJA@example.fi" });
    await createContact(h.db, s.org.id, s.editor, s.r2.id, { email: "other@example.fi" });
    await h.db.insert(consentEvents).values({
      orgId: s.org.id,
      registerId: s.r1.id,
      contactId: c1.id,
      channel: "email",
      action: "subscribe",
      source: "form",
      ip: "203.0.113.5",
      wording: "Haluan uutiskirjeen",
    });
    const q = parsePersonQuery("maija@example.fi")!;
    const report = await findPerson(h.db, s.org.id, s.editor, q);
    expect(report.contacts.map((c) => c.register.name)).toEqual(["Asiakkaat", "Tapahtumat"]);
    expect(report.contacts[0]!.fields).toEqual({ Kaupunki: '=HYPERLINK("x")' });
    expect(report.contacts[0]!.consentEvents).toMatchObject([
      { action: "subscribe", source: "form", ip: "203.0.113.5", wording: "Haluan uutiskirjeen" },
    ]);

    const json = await exportPerson(h.db, s.org.id, s.editor, q, "json");
    expect(JSON.parse(json.body).contacts).toHaveLength(2);
    const csv = await exportPerson(h.db, s.org.id, s.editor, q, "csv");
    expect(csv.body).toContain('Kaupunki;"\'=HYPERLINK(""x"")"');
    expect(csv.body).toContain(
      "consent.email;subscribe | form | 203.0.113.5 | Haluan uutiskirjeen",
    );
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.org.id), eq(auditLog.action, "person.exported")));
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain("maija@");
    await expect(findPerson(h.db, s.org.id, s.viewer, q)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("erases the person everywhere in the organisation and keeps only hashed suppressions", async () => {
    const s = await setup();
    const other = await setup();
    const c1 = await createContact(h.db, s.org.id, s.editor, s.r1.id, {
      email: "pekka@example.fi",
      phone: "0401112222",
    });
    await createContact(h.db, s.org.id, s.editor, s.r2.id, { email: "pekka@example.fi" });
    const keep = await createContact(h.db, s.org.id, s.editor, s.r2.id, { email: "k@example.fi" });
    const elsewhere = await createContact(h.db, other.org.id, other.editor, other.r1.id, {
      email: "pekka@example.fi",
    });
    await h.db.insert(consentEvents).values({
      orgId: s.org.id,
      registerId: s.r1.id,
      contactId: c1.id,
      channel: "email",
      action: "subscribe",
      source: "import",
    });
    // Messages already sent to the person (one whose contact was deleted before) and to another.
    const [campaign] = await h.db
      .insert(campaigns)
      .values({
        orgId: s.org.id,
        channel: "email",
        name: "Uutiskirje",
        registerId: s.r1.id,
        audience: "register",
      })
      .returning();
    await h.db.insert(deliveries).values([
      { campaignId: campaign!.id, orgId: s.org.id, contactId: c1.id, address: "pekka@example.fi" },
      { campaignId: campaign!.id, orgId: s.org.id, contactId: null, address: "+358401112222" },
      { campaignId: campaign!.id, orgId: s.org.id, contactId: keep.id, address: "k@example.fi" },
    ]);
    // An existing unsubscribe entry keeps its row but loses the address.
    await h.db.insert(suppressions).values({
      orgId: s.org.id,
      channel: "email",
      hash: addressHash("email", "pekka@example.fi"),
      value: "pekka@example.fi",
      reason: "unsubscribe",
    });
    const q = parsePersonQuery("pekka@example.fi")!;
    await expect(erasePerson(h.db, s.org.id, s.editor, q)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await erasePerson(h.db, s.org.id, s.main, q)).toEqual({
      contacts: 2,
      registers: 2,
      addresses: 2,
    });
    const left = await h.db.select().from(contacts).where(eq(contacts.orgId, s.org.id));
    expect(left.map((c) => c.id)).toEqual([keep.id]);
    expect(
      await h.db.select().from(consentEvents).where(eq(consentEvents.contactId, c1.id)),
    ).toEqual([]);
    const supp = await h.db.select().from(suppressions).where(eq(suppressions.orgId, s.org.id));
    expect(supp.map((x) => [x.channel, x.value, x.reason]).sort()).toEqual([
      ["email", null, "erasure"],
      ["sms", null, "erasure"],
    ]);
    expect(supp.map((x) => x.hash)).toContain(addressHash("sms", "+358401112222"));
    const sent = await h.db
      .select({ address: deliveries.address, contactId: deliveries.contactId })
      .from(deliveries)
      .where(eq(deliveries.campaignId, campaign!.id));
    expect(sent.map((d) => d.address).filter((a) => !a.startsWith("erased:"))).toEqual([
      "k@example.fi",
    ]);
    expect(sent.filter((d) => d.address.startsWith("erased:"))).toHaveLength(2);
    const [audit] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.org.id), eq(auditLog.action, "person.erased")));
    expect(audit?.details).toEqual({ contacts: 2, registers: 2, addresses: 2 });
    expect(JSON.stringify(audit)).not.toContain("pekka@");
    // Another organisation's contact with the same address stays.
    const [still] = await h.db.select().from(contacts).where(eq(contacts.id, elsewhere.id));
    expect(still?.email).toBe("pekka@example.fi");
    // The report after erasure still shows the (hashed) suppression, nothing else.
    const after = await findPerson(h.db, s.org.id, s.main, q);
    expect(after.contacts).toEqual([]);
    expect(after.suppressions).toMatchObject([{ channel: "email", reason: "erasure" }]);
  });

  it("does not let one organisation read or erase another's contacts", async () => {
    const a = await setup();
    const b = await setup();
    await createContact(h.db, a.org.id, a.editor, a.r1.id, { email: "x@example.fi" });
    const q = parsePersonQuery("x@example.fi")!;
    expect((await findPerson(h.db, b.org.id, b.main, q)).contacts).toEqual([]);
    await expect(findPerson(h.db, a.org.id, b.main, q)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(erasePerson(h.db, a.org.id, b.main, q)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await findPerson(h.db, a.org.id, a.main, q)).contacts).toHaveLength(1);
  });
});
