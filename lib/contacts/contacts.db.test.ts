import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, contacts } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import type { Role } from "@/lib/orgs/roles";
import { createRegister } from "@/lib/registers/registers";
import { createContact, deleteContact, getContactOrThrow, updateContact } from "./contacts";
import { encodeCursor, listContacts, PAGE_SIZE } from "./list";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function setup(role: Role = "editor") {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role });
  const actor = { userId: u.id, userEmail: u.email };
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  const reg = await createRegister(
    h.db,
    org.id,
    { userId: main.id, userEmail: main.email },
    {
      name: "Jäsenet",
      columns: [
        {
          label: "Kaupunki",
          type: "single_choice",
          options: ["Helsinki", "Espoo"],
          required: true,
        },
        { label: "Harrastukset", type: "multi_choice", options: ["golf", "tennis"] },
        { label: "Syntynyt", type: "date" },
        { label: "Jäsenmaksu", type: "number" },
        { label: "Uutiskirje", type: "boolean" },
        { label: "Postinumero", type: "postal_code" },
      ],
    },
  );
  return { org, actor, reg };
}

describe("contacts", () => {
  it("creates a contact with every value parsed by type and the phone in E.164", async () => {
    const { org, actor, reg } = await setup();
    const c = await createContact(h.db, org.id, actor, reg.id, {
      email: "Maija@Example.FI",
      phone: "040 123 4567",
      firstName: " Maija ",
      lastName: "Meikäläinen",
      data: {
        kaupunki: "helsinki",
        harrastukset: ["golf", "tennis"],
        syntynyt: "5.3.1980",
        jasenmaksu: "12,50",
        uutiskirje: "kyllä",
        postinumero: "00100",
      },
    });
    expect(c).toMatchObject({
      email: "Maija@example.fi",
      phone: "+358401234567",
      firstName: "Maija",
      data: {
        kaupunki: "Helsinki",
        harrastukset: ["golf", "tennis"],
        syntynyt: "1980-03-05",
        jasenmaksu: 12.5,
        uutiskirje: true,
        postinumero: "00100",
      },
    });
  });

  it("names the column of every bad value and stores nothing", async () => {
    const { org, actor, reg } = await setup();
    const err = await createContact(h.db, org.id, actor, reg.id, {
      email: "x@example.fi",
      phone: "12",
      data: { kaupunki: "Turku", syntynyt: "31.2.2020", jasenmaksu: "paljon", postinumero: "123" },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      userMessage: "contacts.errors.invalidPhone",
      fieldErrors: {
        phone: ["registers.values.phone"],
        c_kaupunki: ["registers.values.choice"],
        c_syntynyt: ["registers.values.date"],
        c_jasenmaksu: ["registers.values.number"],
        c_postinumero: ["registers.values.postalCode"],
      },
    });
    const missing = await createContact(h.db, org.id, actor, reg.id, {
      email: "y@example.fi",
    }).catch((e: unknown) => e);
    expect(missing).toMatchObject({
      userMessage: "contacts.errors.invalidValue|column=Kaupunki",
      fieldErrors: { c_kaupunki: ["registers.values.required"] },
    });
    await expect(createContact(h.db, org.id, actor, reg.id, {})).rejects.toMatchObject({
      userMessage: "contacts.errors.emailOrPhone",
    });
    expect(await h.db.select().from(contacts).where(eq(contacts.registerId, reg.id))).toEqual([]);
  });

  it("e-mail and phone are unique per register but may repeat in another register", async () => {
    const { org, actor, reg } = await setup();
    const data = { kaupunki: "Espoo" };
    const a = await createContact(h.db, org.id, actor, reg.id, {
      email: "a@example.fi",
      phone: "0401234567",
      data,
    });
    await expect(
      createContact(h.db, org.id, actor, reg.id, { email: "A@EXAMPLE.fi", data }),
    ).rejects.toMatchObject({ userMessage: "contacts.errors.emailTaken" });
    await expect(
      createContact(h.db, org.id, actor, reg.id, { phone: "+358 40 123 4567", data }),
    ).rejects.toMatchObject({ userMessage: "contacts.errors.phoneTaken" });
    const b = await createContact(h.db, org.id, actor, reg.id, { email: "b@example.fi", data });
    await expect(
      updateContact(h.db, org.id, actor, reg.id, b.id, { email: "a@example.fi", data }),
    ).rejects.toMatchObject({ userMessage: "contacts.errors.emailTaken" });
    // Saving a contact with its own address is fine.
    await updateContact(h.db, org.id, actor, reg.id, a.id, {
      email: "a@example.fi",
      phone: "040 123 4567",
      lastName: "Uusi",
      data,
    });
    expect((await getContactOrThrow(h.db, org.id, reg.id, a.id)).lastName).toBe("Uusi");
    const other = await createRegister(h.db, org.id, actor, { name: "Toinen", columns: [] });
    await createContact(h.db, org.id, actor, other.id, {
      email: "a@example.fi",
      phone: "0401234567",
    });
  });

  it("deletes with an audit entry; viewers cannot write", async () => {
    const { org, reg } = await setup();
    const ed = await createUser(h.db, { orgId: org.id, role: "editor" });
    const editor = { userId: ed.id, userEmail: ed.email };
    const c = await createContact(h.db, org.id, editor, reg.id, {
      email: "d@example.fi",
      data: { kaupunki: "Espoo" },
    });
    const v = await createUser(h.db, { orgId: org.id, role: "viewer" });
    const viewer = { userId: v.id, userEmail: v.email };
    const raw = { email: "e@example.fi", data: { kaupunki: "Espoo" } };
    await expect(createContact(h.db, org.id, viewer, reg.id, raw)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(updateContact(h.db, org.id, viewer, reg.id, c.id, raw)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(deleteContact(h.db, org.id, viewer, reg.id, c.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await deleteContact(h.db, org.id, editor, reg.id, c.id);
    await expect(getContactOrThrow(h.db, org.id, reg.id, c.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "contact.deleted")));
    expect(audit.map((a) => a.targetId)).toEqual([c.id]);
  });

  it("another organisation cannot read, list, change or delete a contact by id", async () => {
    const a = await setup();
    const b = await setup();
    const c = await createContact(h.db, a.org.id, a.actor, a.reg.id, {
      email: "x@example.fi",
      data: { kaupunki: "Espoo" },
    });
    const nf = { code: "NOT_FOUND" };
    await expect(getContactOrThrow(h.db, b.org.id, a.reg.id, c.id)).rejects.toMatchObject(nf);
    await expect(getContactOrThrow(h.db, b.org.id, b.reg.id, c.id)).rejects.toMatchObject(nf);
    await expect(listContacts(h.db, b.org.id, a.reg.id)).rejects.toMatchObject(nf);
    const raw = { email: "y@example.fi", data: { kaupunki: "Espoo" } };
    await expect(updateContact(h.db, b.org.id, b.actor, a.reg.id, c.id, raw)).rejects.toMatchObject(
      nf,
    );
    await expect(updateContact(h.db, a.org.id, b.actor, a.reg.id, c.id, raw)).rejects.toMatchObject(
      nf,
    );
    await expect(deleteContact(h.db, b.org.id, b.actor, b.reg.id, c.id)).rejects.toMatchObject(nf);
    await expect(createContact(h.db, b.org.id, b.actor, a.reg.id, raw)).rejects.toMatchObject(nf);
    expect((await getContactOrThrow(h.db, a.org.id, a.reg.id, c.id)).email).toBe("x@example.fi");
  });
});

describe("listing contacts", () => {
  it("pages without duplicates or gaps when sort keys are equal, in every sort", async () => {
    const { org, actor, reg } = await setup();
    const now = new Date("2026-01-01T10:00:00Z");
    const n = PAGE_SIZE * 2 + 7;
    // Same created_at and last name for all: only the id breaks ties.
    for (let i = 0; i < n; i++)
      await createContact(
        h.db,
        org.id,
        actor,
        reg.id,
        {
          email: i % 3 ? `p${i}@example.fi` : undefined,
          phone: `04000${String(i).padStart(5, "0")}`,
          lastName: "Virtanen",
          data: { kaupunki: "Espoo" },
        },
        now,
      );
    for (const sort of ["created", "name", "email"] as const)
      for (const dir of ["asc", "desc"] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await listContacts(h.db, org.id, reg.id, { sort, dir, cursor });
          seen.push(...page.rows.map((r) => r.id));
          cursor = page.next ?? undefined;
          pages++;
        } while (cursor);
        expect(pages).toBe(3);
        expect(seen).toHaveLength(n);
        expect(new Set(seen).size).toBe(n);
      }
  });

  it("searches e-mail, names and phone (Finnish format) and sorts by name", async () => {
    const { org, actor, reg } = await setup();
    const d = { kaupunki: "Espoo" };
    await createContact(h.db, org.id, actor, reg.id, {
      email: "liisa@firma.fi",
      firstName: "Liisa",
      lastName: "Aalto",
      data: d,
    });
    await createContact(h.db, org.id, actor, reg.id, {
      email: "pekka@koti.fi",
      firstName: "Pekka",
      lastName: "Öhman",
      phone: "050 765 4321",
      data: d,
    });
    await createContact(h.db, org.id, actor, reg.id, {
      email: "kalle_100%@firma.fi",
      lastName: "Bergman",
      data: d,
    });
    const q = async (text: string) =>
      (await listContacts(h.db, org.id, reg.id, { q: text, sort: "name", dir: "asc" })).rows.map(
        (r) => r.lastName,
      );
    expect(await q("FIRMA")).toEqual(["Aalto", "Bergman"]);
    expect(await q("liisa aalto")).toEqual(["Aalto"]);
    expect(await q("Aalto Liisa")).toEqual(["Aalto"]);
    // A term does not run from one field into the next (e-mail's end, then the first name).
    expect(await q("fi liisa")).toEqual([]);
    expect(await q("+358507654321")).toEqual(["Öhman"]);
    expect(await q("050 765")).toEqual(["Öhman"]);
    expect(await q("0507654321")).toEqual(["Öhman"]);
    expect(await q("358507654321")).toEqual(["Öhman"]);
    expect(await q("00358 50 765 4321")).toEqual(["Öhman"]);
    expect(await q("100%")).toEqual(["Bergman"]);
    expect(await q("_")).toEqual(["Bergman"]);
    expect(await q("ei-ketään")).toEqual([]);
    // A cursor of another sort (or a tampered one) starts from the first page.
    const byEmail = await listContacts(h.db, org.id, reg.id, { sort: "email" });
    const foreign = encodeCursor("name", "aalto", byEmail.rows[0]!.id);
    for (const cursor of [
      foreign,
      "roskaa",
      encodeCursor("created", "ei-aika", byEmail.rows[0]!.id),
    ])
      expect(
        (await listContacts(h.db, org.id, reg.id, { sort: "created", cursor })).rows,
      ).toHaveLength(3);
  });
});
