import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { queryRows } from "@/db";
import {
  auditLog,
  campaigns,
  consentEvents,
  contacts,
  deliveries,
  jobs,
  sandboxEmails,
  sandboxSms,
  smsInbound,
  storedFiles,
  suppressions,
} from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { addressHash } from "@/lib/consent/address-hash";
import { createRegister } from "@/lib/registers/registers";
import { storeFile } from "@/lib/files/store";
import { enqueue } from "@/lib/jobs/enqueue";
import { createContact } from "./contacts";
import { erasePerson, exportPerson, findPerson, parsePersonQuery } from "./data-subject";
import { eraseFromStoredFiles } from "./erase-files";

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
      messages: 0,
      files: 0,
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
    expect(audit?.details).toEqual({
      contacts: 2,
      registers: 2,
      addresses: 2,
      messages: 0,
      files: 0,
    });
    expect(JSON.stringify(audit)).not.toContain("pekka@");
    // Another organisation's contact with the same address stays.
    const [still] = await h.db.select().from(contacts).where(eq(contacts.id, elsewhere.id));
    expect(still?.email).toBe("pekka@example.fi");
    // The report after erasure still shows the (hashed) suppression, nothing else.
    const after = await findPerson(h.db, s.org.id, s.main, q);
    expect(after.contacts).toEqual([]);
    expect(after.suppressions).toMatchObject([{ channel: "email", reason: "erasure" }]);
  });

  it("erases the person's messages and the kept files that mention them, not others'", async () => {
    const s = await setup();
    const other = await setup();
    await createContact(h.db, s.org.id, s.editor, s.r1.id, {
      email: "Liisa@Example.fi",
      phone: "040 555 6666",
    });
    const orgs = [s.org.id, other.org.id];
    // The sandbox outbox, inbound SMS and a finished send job, in both organisations.
    for (const orgId of orgs) {
      await h.db.insert(sandboxEmails).values([
        {
          orgId,
          messageKey: `t-${orgId}-1`,
          fromAddress: "uutiset@yritys.fi",
          toAddress: "LIISA@example.fi",
          subject: "Hei",
          text: "Hei",
        },
        {
          orgId,
          messageKey: `t-${orgId}-2`,
          fromAddress: "uutiset@yritys.fi",
          toAddress: "muu@example.fi",
          subject: "Hei",
          text: "Hei",
        },
      ]);
      await h.db.insert(sandboxSms).values({
        orgId,
        messageKey: `t-${orgId}-3`,
        sender: "Yritys",
        recipient: "040 555 6666",
        body: "Hei",
        encoding: "gsm7",
        parts: 1,
      });
      await h.db.insert(smsInbound).values([
        {
          gateway: "kannel",
          providerId: `${orgId}-a`,
          orgId,
          sender: "358405556666",
          shortCode: "16200",
          body: "JOO",
        },
        {
          gateway: "kannel",
          providerId: `${orgId}-b`,
          orgId,
          sender: "+358409999999",
          shortCode: "16200",
          body: "EI",
        },
      ]);
      await enqueue(h.db, "email/message.requested", {
        orgId,
        messageKey: `job-${orgId}`,
        to: "liisa@example.fi",
        subject: "Hei",
        text: "Hei",
      });
    }
    await h.db.execute(
      sql`update jobs set status = 'done', finished_at = now() where payload->>'messageKey' in (${`job-${s.org.id}`}, ${`job-${other.org.id}`})`,
    );
    // Kept files: an upload (Windows-1252, ";", the number as typed), an export whose second
    // worksheet names her, a report without her, an image, and the other organisation's upload.
    const file = (
      orgId: string,
      purpose: "import_upload" | "import_report" | "export" | "image",
      name: string,
      bytes: Buffer,
    ) =>
      storeFile(h.db, { orgId, purpose, name, contentType: "application/octet-stream" }, [bytes]);
    const upload = await file(
      s.org.id,
      "import_upload",
      "jäsenet.csv",
      Buffer.from(
        "Sähköposti;Puhelin;Etunimi\r\nmuu@example.fi;;Matti\r\n;040 555 6666;Liisa\r\n",
        "latin1",
      ),
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Yhteystiedot").addRow(["Sähköposti"]).commit();
    wb.getWorksheet("Yhteystiedot")!.addRow(["muu@example.fi"]);
    wb.addWorksheet("Muut").addRow(["Liisa <liisa@example.fi>"]);
    const exported = await file(
      s.org.id,
      "export",
      "vienti.xlsx",
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    const report = await file(
      s.org.id,
      "import_report",
      "raportti.csv",
      Buffer.from("\uFEFFRivi;Syy\r\n3;virheellinen\r\n"),
    );
    const image = await file(
      s.org.id,
      "image",
      "liisa@example.fi.png",
      Buffer.from("liisa@example.fi"),
    );
    const broken = await file(
      s.org.id,
      "export",
      "rikki.xlsx",
      Buffer.from("PK\u0003\u0004 ei zip"),
    );
    const elsewhere = await file(
      other.org.id,
      "import_upload",
      "x.csv",
      Buffer.from("email\nliisa@example.fi\n"),
    );

    const q = parsePersonQuery("liisa@example.fi")!;
    expect(await erasePerson(h.db, s.org.id, s.main, q)).toEqual({
      contacts: 1,
      registers: 1,
      addresses: 2,
      messages: 3,
      files: 4,
    });
    const left = async (orgId: string) => ({
      emails: (await h.db.select().from(sandboxEmails).where(eq(sandboxEmails.orgId, orgId))).map(
        (m) => m.toAddress,
      ),
      sms: (await h.db.select().from(sandboxSms).where(eq(sandboxSms.orgId, orgId))).length,
      inbound: (await h.db.select().from(smsInbound).where(eq(smsInbound.orgId, orgId))).map(
        (m) => m.sender,
      ),
      jobs: (
        await queryRows<{ n: number }>(
          h.db,
          sql`select count(*)::int as n from jobs where payload->>'orgId' = ${orgId} and name = 'email/message.requested'`,
        )
      )[0]!.n,
    });
    expect(await left(s.org.id)).toEqual({
      emails: ["muu@example.fi"],
      sms: 0,
      inbound: ["+358409999999"],
      jobs: 0,
    });
    expect(await left(other.org.id)).toEqual({
      emails: ["LIISA@example.fi", "muu@example.fi"],
      sms: 1,
      inbound: ["358405556666", "+358409999999"],
      jobs: 1,
    });

    // The files job carries hashes only, and deletes exactly the files that mention her.
    const [job] = await h.db
      .select()
      .from(jobs)
      .where(
        and(eq(jobs.name, "person/files.erase"), sql`${jobs.payload}->>'orgId' = ${s.org.id}`),
      );
    expect(JSON.stringify(job!.payload)).not.toMatch(/liisa|5556666/i);
    const data = job!.payload as Parameters<typeof eraseFromStoredFiles>[1];
    expect(await eraseFromStoredFiles(h.db, data)).toEqual({
      checked: 4,
      deleted: 3,
      unreadable: 1,
    });
    const kept = await h.db
      .select({ id: storedFiles.id })
      .from(storedFiles)
      .where(
        inArray(storedFiles.id, [
          upload.id,
          exported.id,
          report.id,
          image.id,
          broken.id,
          elsewhere.id,
        ]),
      );
    expect(kept.map((f) => f.id).sort()).toEqual([report.id, image.id, elsewhere.id].sort());
    // A rerun (a retried job) finds nothing more to delete.
    expect(await eraseFromStoredFiles(h.db, data)).toEqual({
      checked: 1,
      deleted: 0,
      unreadable: 0,
    });
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.org.id), eq(auditLog.action, "person.files_erased")));
    expect(audits[0]?.details).toMatchObject({ checked: 4, deleted: 3, count: 3 });
    expect(audits[0]?.actorId).toBe(s.main.userId);
    expect(JSON.stringify(audits)).not.toMatch(/liisa/i);
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
