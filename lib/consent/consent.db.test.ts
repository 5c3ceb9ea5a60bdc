import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, consentEvents, contacts, registers, suppressions } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { createContact } from "@/lib/contacts/contacts";
import { createRegister } from "@/lib/registers/registers";
import { addressHash } from "./address-hash";
import {
  listConsentHistory,
  recordConsent,
  recordConsentBulk,
  recordManualConsent,
} from "./ledger";
import { statusAfter } from "./rules";
import {
  addManualSuppression,
  isSuppressed,
  listSuppressions,
  removeSuppression,
} from "./suppressions";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function setup(doubleOptIn = true) {
  const org = await createOrg(h.db);
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  const editor = await createUser(h.db, { orgId: org.id, role: "editor" });
  const viewer = await createUser(h.db, { orgId: org.id, role: "viewer" });
  const as = (u: { id: string; email: string }) => ({
    userId: u.id,
    userEmail: u.email,
    ip: "192.0.2.1",
  });
  const reg = await createRegister(h.db, org.id, as(main), { name: "Uutiskirje", columns: [] });
  await h.db.update(registers).set({ doubleOptIn }).where(eq(registers.id, reg.id));
  const c = await createContact(h.db, org.id, as(editor), reg.id, {
    email: `maija.${Math.random().toString(36).slice(2)}@example.fi`,
    phone: "040 123 4567",
  });
  return { org, reg, c, main: as(main), editor: as(editor), viewer: as(viewer) };
}

const status = async (id: string) =>
  (await h.db.select().from(contacts).where(eq(contacts.id, id)))[0]!;

describe("consent rules", () => {
  it("derives pending only for a double opt-in form subscribe of a contact not yet subscribed", () => {
    expect(statusAfter("subscribe", "form", true)).toBe("pending");
    expect(statusAfter("subscribe", "form", true, "subscribed")).toBe("subscribed");
    expect(statusAfter("subscribe", "form", false)).toBe("subscribed");
    expect(statusAfter("subscribe", "import", true)).toBe("subscribed");
    expect(statusAfter("confirm", "link", true)).toBe("subscribed");
    expect(statusAfter("unsubscribe", "manual", true, "subscribed")).toBe("unsubscribed");
  });
});

describe("consent ledger", () => {
  it("appends events and keeps the contact's channel status derived from them", async () => {
    const { org, reg, c } = await setup(true);
    const base = {
      orgId: org.id,
      registerId: reg.id,
      contactId: c.id,
      wording: "Haluan uutiskirjeen",
    };
    await h.db.transaction(async (tx) => {
      const r = await recordConsent(tx, {
        ...base,
        channel: "email",
        action: "subscribe",
        source: "form",
        ip: "198.51.100.7",
      });
      expect(r.status).toBe("pending");
    });
    expect((await status(c.id)).emailStatus).toBe("pending");
    await recordConsent(h.db, { ...base, channel: "email", action: "confirm", source: "link" });
    expect((await status(c.id)).emailStatus).toBe("subscribed");
    await recordConsent(h.db, {
      ...base,
      channel: "sms",
      action: "subscribe",
      source: "sms",
      phone: "+358401234567",
    });
    const s = await status(c.id);
    expect([s.emailStatus, s.smsStatus]).toEqual(["subscribed", "subscribed"]);
    await recordConsent(h.db, { ...base, channel: "email", action: "unsubscribe", source: "form" });
    expect((await status(c.id)).emailStatus).toBe("unsubscribed");
    // Unsubscribing put the address on the organisation's suppression list.
    expect(await isSuppressed(h.db, org.id, "email", c.email!.toUpperCase())).toBe(true);
    const history = await listConsentHistory(h.db, org.id, c.id, { order: "asc" });
    expect(history.map((e) => `${e.channel}:${e.action}:${e.source}`)).toEqual([
      "email:subscribe:form",
      "email:confirm:link",
      "sms:subscribe:sms",
      "email:unsubscribe:form",
    ]);
    expect(history[0]!.ip).toBe("198.51.100.7");
    expect(history[0]!.wording).toBe("Haluan uutiskirjeen");
  });

  it("refuses to change a recorded event (append-only trigger)", async () => {
    const { org, reg, c } = await setup();
    const { event } = await recordConsent(h.db, {
      orgId: org.id,
      registerId: reg.id,
      contactId: c.id,
      channel: "email",
      action: "subscribe",
      source: "manual",
      wording: "x",
    });
    await expect(
      h.db
        .update(consentEvents)
        .set({ action: "unsubscribe" })
        .where(eq(consentEvents.id, event.id)),
    ).rejects.toThrow();
    const [e] = await h.db.select().from(consentEvents).where(eq(consentEvents.id, event.id));
    expect(e!.action).toBe("subscribe");
  });

  it("a confirmed opt-in lifts an unsubscribe suppression, never a bounce", async () => {
    const { org, reg, c } = await setup();
    const base = {
      orgId: org.id,
      registerId: reg.id,
      contactId: c.id,
      channel: "email" as const,
      wording: "w",
    };
    await recordConsent(h.db, { ...base, action: "unsubscribe", source: "form" });
    expect(await isSuppressed(h.db, org.id, "email", c.email!)).toBe(true);
    await recordConsent(h.db, { ...base, action: "confirm", source: "link" });
    expect(await isSuppressed(h.db, org.id, "email", c.email!)).toBe(false);
    await h.db.insert(suppressions).values({
      orgId: org.id,
      channel: "email",
      hash: addressHash("email", c.email!),
      value: c.email,
      reason: "bounce",
    });
    await recordConsent(h.db, { ...base, action: "confirm", source: "link" });
    expect(await isSuppressed(h.db, org.id, "email", c.email!)).toBe(true);
  });

  it("records manual changes by editors, refuses viewers, other organisations and suppressed subscribes", async () => {
    const { org, reg, c, editor, viewer } = await setup();
    const other = await setup();
    const input = {
      registerId: reg.id,
      contactId: c.id,
      channel: "email" as const,
      action: "unsubscribe" as const,
      wording: "Merkitty käsin: puhelimessa",
    };
    await expect(recordManualConsent(h.db, org.id, viewer, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      recordManualConsent(h.db, other.org.id, other.editor, input),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordManualConsent(h.db, org.id, other.editor, input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await recordManualConsent(h.db, org.id, editor, input);
    const [e] = await listConsentHistory(h.db, org.id, c.id);
    expect([e!.source, e!.actorId, e!.wording]).toEqual(["manual", editor.userId, input.wording]);
    await expect(
      recordManualConsent(h.db, org.id, editor, { ...input, action: "subscribe" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await listConsentHistory(h.db, other.org.id, c.id)).toEqual([]);
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "consent.recorded")));
    expect(audit).toHaveLength(1);
  });

  it("bulk-records one event for many contacts of the register only", async () => {
    const { org, reg, c, editor } = await setup(true);
    const other = await setup();
    const c2 = await createContact(h.db, org.id, editor, reg.id, { email: "b@example.fi" });
    const n = await recordConsentBulk(h.db, {
      orgId: org.id,
      registerId: reg.id,
      contactIds: [c.id, c2.id, other.c.id],
      channel: "email",
      action: "subscribe",
      source: "import",
      wording: "Tuonti",
    });
    expect(n).toBe(2);
    expect((await status(c2.id)).emailStatus).toBe("subscribed");
    expect((await status(other.c.id)).emailStatus).toBe("none");
  });
});

describe("suppression list", () => {
  it("adds by hand (audited), finds by hash also after erasure, removes by main users only", async () => {
    const { org, editor, main, viewer } = await setup();
    const other = await setup();
    await expect(
      addManualSuppression(h.db, org.id, viewer, { channel: "email", address: "x@example.fi" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      addManualSuppression(h.db, org.id, editor, { channel: "email", address: "not an address" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const id = await addManualSuppression(h.db, org.id, editor, {
      channel: "email",
      address: "Kalle@Example.FI",
      note: "pyysi puhelimessa",
    });
    await expect(
      addManualSuppression(h.db, org.id, editor, { channel: "email", address: "kalle@example.fi" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const phoneId = await addManualSuppression(h.db, org.id, editor, {
      channel: "sms",
      address: "040 765 4321",
    });
    expect(
      (await listSuppressions(h.db, org.id, { q: "+358 40 7654321" })).rows.map((r) => r.id),
    ).toEqual([phoneId]);
    // Erasure keeps only the hash; the whole address still finds the entry.
    await h.db
      .update(suppressions)
      .set({ value: null, reason: "erasure" })
      .where(eq(suppressions.id, id));
    expect(
      (await listSuppressions(h.db, org.id, { q: "kalle@example.fi" })).rows.map((r) => r.id),
    ).toEqual([id]);
    expect((await listSuppressions(h.db, org.id, { q: "kalle" })).rows).toEqual([]);
    expect((await listSuppressions(h.db, org.id, { q: "7654" })).rows.map((r) => r.id)).toEqual([
      phoneId,
    ]);
    expect(await isSuppressed(h.db, org.id, "email", "kalle@example.fi")).toBe(true);
    // Another organisation sees none of it and cannot remove it.
    expect((await listSuppressions(h.db, other.org.id)).total).toBe(0);
    expect(await isSuppressed(h.db, other.org.id, "email", "kalle@example.fi")).toBe(false);
    await expect(removeSuppression(h.db, other.org.id, other.main, id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(removeSuppression(h.db, org.id, editor, id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await removeSuppression(h.db, org.id, main, id);
    expect(await isSuppressed(h.db, org.id, "email", "kalle@example.fi")).toBe(false);
    const actions = await h.db
      .select({ a: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), sql`${auditLog.action} like 'suppression.%'`));
    expect(actions.map((x) => x.a).sort()).toEqual([
      "suppression.added",
      "suppression.added",
      "suppression.removed",
    ]);
  });
});
