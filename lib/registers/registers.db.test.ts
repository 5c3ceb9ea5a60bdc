import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, contacts } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { createContact, getContactOrThrow } from "@/lib/contacts/contacts";
import { auditTranslator, describeAuditEntry } from "@/lib/audit/describe";
import type { Role } from "@/lib/orgs/roles";
import { addColumn, countColumnValues, moveColumn, removeColumn, updateColumn } from "./columns";
import {
  createRegister,
  deleteRegister,
  getRegisterOrThrow,
  listColumns,
  listRegisters,
} from "./registers";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function orgWith(role: Role = "main") {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role });
  return { org, actor: { userId: u.id, userEmail: u.email, ip: "203.0.113.1" } };
}

const cols = [
  { label: "Kaupunki", type: "single_choice" as const, options: ["Helsinki", "Espoo"] },
  { label: "Ikä", type: "number" as const, helpText: "Vuosina" },
];

describe("registers", () => {
  it("creates a register with slug keys, lists it with its count and audits it", async () => {
    const { org, actor } = await orgWith("editor");
    const r = await createRegister(h.db, org.id, actor, { name: " Asiakkaat ", columns: cols });
    expect(r.name).toBe("Asiakkaat");
    const c = await listColumns(h.db, org.id, r.id);
    expect(c.map((x) => [x.key, x.label, x.position])).toEqual([
      ["kaupunki", "Kaupunki", 0],
      ["ika", "Ikä", 1],
    ]);
    await createContact(h.db, org.id, actor, r.id, { email: "a@example.fi" });
    const list = await listRegisters(h.db, org.id);
    expect(list).toMatchObject([{ id: r.id, contactCount: 1 }]);
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "register.created")));
    expect(audit).toHaveLength(1);
  });

  it("refuses a choice column without options and an empty name", async () => {
    const { org, actor } = await orgWith();
    await expect(
      createRegister(h.db, org.id, actor, {
        name: "X",
        columns: [{ label: "Laji", type: "multi_choice", options: [" "] }],
      }),
    ).rejects.toMatchObject({ userMessage: "registers.errors.optionsRequired|column=Laji" });
    await expect(createRegister(h.db, org.id, actor, { name: " ", columns: [] })).rejects.toThrow();
  });

  it("viewers cannot create; editors cannot delete a register; main can", async () => {
    const { org, actor: viewer } = await orgWith("viewer");
    await expect(
      createRegister(h.db, org.id, viewer, { name: "X", columns: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const editor = await createUser(h.db, { orgId: org.id, role: "editor" });
    const ed = { userId: editor.id, userEmail: editor.email };
    const r = await createRegister(h.db, org.id, ed, { name: "X", columns: [] });
    await expect(deleteRegister(h.db, org.id, ed, r.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const main = await createUser(h.db, { orgId: org.id, role: "main" });
    await createContact(h.db, org.id, ed, r.id, { email: "x@example.fi" });
    await deleteRegister(h.db, org.id, { userId: main.id, userEmail: main.email }, r.id);
    await expect(getRegisterOrThrow(h.db, org.id, r.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await h.db.select().from(contacts).where(eq(contacts.registerId, r.id))).toEqual([]);
  });

  it("another organisation's user can neither read nor change a register by id", async () => {
    const a = await orgWith();
    const b = await orgWith();
    const r = await createRegister(h.db, a.org.id, a.actor, { name: "A", columns: cols });
    const [col] = await listColumns(h.db, a.org.id, r.id);
    await expect(getRegisterOrThrow(h.db, b.org.id, r.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await listRegisters(h.db, b.org.id)).toEqual([]);
    expect(await listColumns(h.db, b.org.id, r.id)).toEqual([]);
    // B's user acting on A's organisation is not a member there…
    await expect(deleteRegister(h.db, a.org.id, b.actor, r.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // …and in B's own organisation A's ids do not exist.
    await expect(deleteRegister(h.db, b.org.id, b.actor, r.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(removeColumn(h.db, b.org.id, b.actor, r.id, col!.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      updateColumn(h.db, b.org.id, b.actor, r.id, col!.id, { label: "x", required: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      addColumn(h.db, b.org.id, b.actor, r.id, { label: "x", type: "text" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("columns on a register with contacts", () => {
  it("adds, renames (key and data kept), reorders and removes exactly one column's values", async () => {
    const { org, actor } = await orgWith("editor");
    const r = await createRegister(h.db, org.id, actor, { name: "R", columns: cols });
    const c1 = await createContact(h.db, org.id, actor, r.id, {
      email: "a@example.fi",
      data: { kaupunki: "Espoo", ika: "41" },
    });
    const c2 = await createContact(h.db, org.id, actor, r.id, {
      email: "b@example.fi",
      data: { ika: "30" },
    });
    const other = await createRegister(h.db, org.id, actor, { name: "Muu", columns: cols });
    const c3 = await createContact(h.db, org.id, actor, other.id, {
      email: "a@example.fi",
      data: { kaupunki: "Helsinki" },
    });

    const added = await addColumn(h.db, org.id, actor, r.id, { label: "Kaupunki", type: "text" });
    expect(added.key).toBe("kaupunki_2");
    expect(added.position).toBe(2);

    const [city, age] = await listColumns(h.db, org.id, r.id);
    await updateColumn(h.db, org.id, actor, r.id, city!.id, {
      label: "Asuinkaupunki",
      required: true,
      options: ["Helsinki", "Espoo", "Vantaa"],
    });
    const renamed = (await listColumns(h.db, org.id, r.id))[0]!;
    expect([renamed.key, renamed.label, renamed.required]).toEqual([
      "kaupunki",
      "Asuinkaupunki",
      true,
    ]);
    expect((await getContactOrThrow(h.db, org.id, r.id, c1.id)).data).toEqual({
      kaupunki: "Espoo",
      ika: 41,
    });

    await moveColumn(h.db, org.id, actor, r.id, age!.id, "up");
    expect((await listColumns(h.db, org.id, r.id)).map((c) => c.key)).toEqual([
      "ika",
      "kaupunki",
      "kaupunki_2",
    ]);

    expect(await countColumnValues(h.db, org.id, r.id, city!.id)).toBe(1);
    expect(await countColumnValues(h.db, org.id, r.id, age!.id)).toBe(2);
    expect(await removeColumn(h.db, org.id, actor, r.id, age!.id)).toBe(2);
    expect((await getContactOrThrow(h.db, org.id, r.id, c1.id)).data).toEqual({
      kaupunki: "Espoo",
    });
    expect((await getContactOrThrow(h.db, org.id, r.id, c2.id)).data).toEqual({});
    // The other register's column with the same key is untouched.
    expect((await getContactOrThrow(h.db, org.id, other.id, c3.id)).data).toEqual({
      kaupunki: "Helsinki",
    });
    expect((await listColumns(h.db, org.id, r.id)).map((c) => c.key)).toEqual([
      "kaupunki",
      "kaupunki_2",
    ]);
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "register.column_removed")));
    expect(entry?.details).toMatchObject({ key: "ika", targetName: "Ikä", count: 2 });
    const t = await auditTranslator("fi");
    expect(describeAuditEntry({ ...entry!, actorName: "Dora Demo" }, t)).toBe(
      "Dora Demo poisti sarakkeen Ikä (2 arvoa)",
    );
  });

  it("viewers cannot change columns", async () => {
    const { org, actor } = await orgWith("main");
    const r = await createRegister(h.db, org.id, actor, { name: "R", columns: cols });
    const v = await createUser(h.db, { orgId: org.id, role: "viewer" });
    const viewer = { userId: v.id, userEmail: v.email };
    const [col] = await listColumns(h.db, org.id, r.id);
    await expect(
      addColumn(h.db, org.id, viewer, r.id, { label: "x", type: "text" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeColumn(h.db, org.id, viewer, r.id, col!.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(moveColumn(h.db, org.id, viewer, r.id, col!.id, "down")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
