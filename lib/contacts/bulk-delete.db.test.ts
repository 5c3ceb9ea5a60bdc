import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, consentEvents, contactDeletions, contacts, jobs } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { removeColumn } from "@/lib/registers/columns";
import { createRegister, listColumns } from "@/lib/registers/registers";
import { countDeletion, currentDeletion, requestDeletion, runDeletion } from "./bulk-delete";
import { createContact } from "./contacts";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const helsinki = {
  type: "group",
  op: "and",
  children: [{ type: "cond", field: "kaupunki", operator: "equals", value: "Helsinki" }],
};

async function setup() {
  const org = await createOrg(h.db);
  const a = (u: { id: string; email: string }) => ({ userId: u.id, userEmail: u.email });
  const editor = a(await createUser(h.db, { orgId: org.id, role: "editor" }));
  const viewer = a(await createUser(h.db, { orgId: org.id, role: "viewer" }));
  const reg = await createRegister(h.db, org.id, editor, {
    name: "Jäsenet",
    columns: [{ label: "Kaupunki", type: "text" }],
  });
  const other = await createRegister(h.db, org.id, editor, { name: "Muut", columns: [] });
  const add = (email: string, kaupunki: string, registerId = reg.id) =>
    createContact(h.db, org.id, editor, registerId, { email, data: { kaupunki } });
  return { org, editor, viewer, reg, other, add };
}

const emailsOf = async (registerId: string) =>
  (
    await h.db
      .select({ email: contacts.email })
      .from(contacts)
      .where(eq(contacts.registerId, registerId))
  )
    .map((c) => c.email)
    .sort();

describe("bulk deletion of contacts (R2)", () => {
  it("deletes what the search and the filter select, in batches, and only contacts from before the request", async () => {
    const s = await setup();
    for (let i = 0; i < 5; i++) await s.add(`hki${i}@firma.fi`, "Helsinki");
    await s.add("hki@koti.fi", "Helsinki");
    await s.add("tre@firma.fi", "Tampere");
    await s.add("hki-muu@firma.fi", "Helsinki", s.other.id);
    const first = (
      await h.db.select().from(contacts).where(eq(contacts.email, "hki0@firma.fi"))
    )[0]!;
    await h.db.insert(consentEvents).values({
      orgId: s.org.id,
      registerId: s.reg.id,
      contactId: first.id,
      channel: "email",
      action: "subscribe",
      source: "manual",
    });
    const scope = { q: "firma", filter: helsinki };
    expect(await countDeletion(h.db, s.org.id, s.editor, s.reg.id, scope)).toBe(5);
    const d = await requestDeletion(h.db, s.org.id, s.editor, s.reg.id, scope);
    expect(d).toMatchObject({ status: "queued", total: 5, deleted: 0, q: "firma" });
    const [job] = await h.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, "register/contacts.delete")));
    expect(job).toBeDefined();
    // Added after the request: matches, but stays.
    await s.add("hki-uusi@firma.fi", "Helsinki");

    const batches: number[] = [];
    const done = await runDeletion(
      h.db,
      { orgId: s.org.id, deletionId: d.id },
      { batch: 2, afterBatch: (n) => void batches.push(n) },
    );
    expect(batches).toEqual([2, 2, 1]);
    expect(done).toMatchObject({ status: "done", total: 5, deleted: 5 });
    expect(await emailsOf(s.reg.id)).toEqual(["hki-uusi@firma.fi", "hki@koti.fi", "tre@firma.fi"]);
    expect(await emailsOf(s.other.id)).toEqual(["hki-muu@firma.fi"]);
    expect(
      await h.db.select().from(consentEvents).where(eq(consentEvents.contactId, first.id)),
    ).toEqual([]);
    const [audit] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.org.id), eq(auditLog.action, "contact.bulk_deleted")));
    expect(audit).toMatchObject({ actorId: s.editor.userId, targetId: s.reg.id });
    expect(audit!.details).toMatchObject({ count: 5, search: true, filter: true });
    expect(await currentDeletion(h.db, s.org.id, s.reg.id)).toMatchObject({
      id: d.id,
      status: "done",
    });
    // A finished deletion is left alone by a repeated job.
    expect(await runDeletion(h.db, { orgId: s.org.id, deletionId: d.id })).toMatchObject({
      deleted: 5,
    });
  });

  it("deletes contacts picked one by one, only from the register, and refuses a bad pick", async () => {
    const s = await setup();
    const a = await s.add("a@firma.fi", "Helsinki");
    const b = await s.add("b@firma.fi", "Turku");
    await s.add("c@firma.fi", "Oulu");
    const elsewhere = await s.add("x@firma.fi", "Oulu", s.other.id);
    const d = await requestDeletion(h.db, s.org.id, s.editor, s.reg.id, {
      ids: [a.id, b.id, elsewhere.id],
      q: "ignored",
    });
    expect(d).toMatchObject({ total: 2, q: "", filter: null, ids: [a.id, b.id, elsewhere.id] });
    expect(await runDeletion(h.db, { orgId: s.org.id, deletionId: d.id })).toMatchObject({
      status: "done",
      deleted: 2,
    });
    expect(await emailsOf(s.reg.id)).toEqual(["c@firma.fi"]);
    expect(await emailsOf(s.other.id)).toEqual(["x@firma.fi"]);
    for (const ids of [[], ["not-a-uuid"], Array.from({ length: 201 }, () => a.id)])
      await expect(
        requestDeletion(h.db, s.org.id, s.editor, s.reg.id, { ids }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("carries on after a crash between batches without counting twice", async () => {
    const s = await setup();
    for (let i = 0; i < 5; i++) await s.add(`p${i}@firma.fi`, "Espoo");
    const d = await requestDeletion(h.db, s.org.id, s.editor, s.reg.id, {});
    await expect(
      runDeletion(
        h.db,
        { orgId: s.org.id, deletionId: d.id },
        {
          batch: 2,
          afterBatch: () => {
            throw new Error("worker died");
          },
        },
      ),
    ).rejects.toThrow("worker died");
    const [mid] = await h.db.select().from(contactDeletions).where(eq(contactDeletions.id, d.id));
    expect(mid).toMatchObject({ status: "running", deleted: 2 });
    expect(await currentDeletion(h.db, s.org.id, s.reg.id)).toMatchObject({ status: "running" });
    expect(await runDeletion(h.db, { orgId: s.org.id, deletionId: d.id })).toMatchObject({
      status: "done",
      total: 5,
      deleted: 5,
    });
    expect(await emailsOf(s.reg.id)).toEqual([]);
  });

  it("fails instead of widening when the filter's column is gone, and refuses an empty scope", async () => {
    const s = await setup();
    await s.add("a@firma.fi", "Helsinki");
    await s.add("b@firma.fi", "Turku");
    const d = await requestDeletion(h.db, s.org.id, s.editor, s.reg.id, { filter: helsinki });
    const [col] = await listColumns(h.db, s.org.id, s.reg.id);
    await removeColumn(h.db, s.org.id, s.editor, s.reg.id, col!.id);
    expect(await runDeletion(h.db, { orgId: s.org.id, deletionId: d.id })).toMatchObject({
      status: "failed",
      deleted: 0,
      error: "contacts.bulkDelete.scopeGone",
    });
    expect(await emailsOf(s.reg.id)).toEqual(["a@firma.fi", "b@firma.fi"]);
    await expect(
      requestDeletion(h.db, s.org.id, s.editor, s.reg.id, { q: "ei-ketään" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is for editors of the register's own organisation only", async () => {
    const s = await setup();
    const t = await setup();
    await s.add("a@firma.fi", "Helsinki");
    await expect(requestDeletion(h.db, s.org.id, s.viewer, s.reg.id, {})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(countDeletion(h.db, s.org.id, s.viewer, s.reg.id, {})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Another organisation's editor: neither through their own organisation nor through ours.
    await expect(requestDeletion(h.db, t.org.id, t.editor, s.reg.id, {})).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(requestDeletion(h.db, s.org.id, t.editor, s.reg.id, {})).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const d = await requestDeletion(h.db, s.org.id, s.editor, s.reg.id, {});
    // A job payload naming another organisation finds nothing to run.
    expect(await runDeletion(h.db, { orgId: t.org.id, deletionId: d.id })).toBeNull();
    expect(await emailsOf(s.reg.id)).toEqual(["a@firma.fi"]);
    expect(await currentDeletion(h.db, t.org.id, s.reg.id)).toBeNull();
  });
});
