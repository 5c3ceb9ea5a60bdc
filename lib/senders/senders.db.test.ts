import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import { auditLog, campaigns, jobs, sendingDomains } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { createRegister } from "@/lib/registers/registers";
import { addDomain, checkDomain, deleteDomain, expectedRecords, listDomains } from "./domains";
import {
  addSender,
  deleteSender,
  getSenderOrThrow,
  listSenders,
  peekSenderToken,
  resendSenderVerification,
  verifySender,
} from "./senders";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const rand = () => Math.random().toString(36).slice(2, 8);

async function setup() {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role: "editor" });
  const actor = { userId: u.id, userEmail: u.email, ip: "192.0.2.1" };
  return { org, actor };
}

/** The token of the newest verification mail queued to an address (read from the job payload). */
async function mailedToken(address: string): Promise<string> {
  const rows = await h.db
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.name, "email/message.requested"), sql`${jobs.payload}->>'to' = ${address}`))
    .orderBy(desc(jobs.id))
    .limit(1);
  const text = (rows[0]?.payload as { text: string } | undefined)?.text ?? "";
  const m = /\/p\/s\/([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no verification link mailed to ${address}`);
  return m[1]!;
}

describe("senders (E6)", () => {
  it("mails a verification link that verifies once, through the POST only", async () => {
    const { org, actor } = await setup();
    const address = `uutiset.${rand()}@example.fi`;
    const { id } = await addSender(h.db, org.id, actor, { address, name: "Uutiset" }, "fi");
    const token = await mailedToken(address);
    const [job] = await h.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(sql`${jobs.payload}->>'to' = ${address}`);
    expect(job!.payload).toMatchObject({
      orgId: org.id,
      subject: expect.stringContaining(org.name),
    });
    // The database holds only the hash.
    const stored = await getSenderOrThrow(h.db, org.id, id);
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.verifiedAt).toBeNull();

    expect(await peekSenderToken(h.db, token)).toEqual({
      status: "valid",
      address,
      orgName: org.name,
    });
    // Peeking (the GET of the landing page) verified nothing.
    expect((await getSenderOrThrow(h.db, org.id, id)).verifiedAt).toBeNull();

    expect(await verifySender(h.db, token, "198.51.100.1")).toEqual({ address, orgName: org.name });
    expect((await getSenderOrThrow(h.db, org.id, id)).verifiedAt).not.toBeNull();
    // Single use: the second click finds nothing.
    expect(await verifySender(h.db, token, "198.51.100.1")).toBeNull();
    expect(await peekSenderToken(h.db, token)).toEqual({ status: "invalid" });

    const actions = await h.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.targetId, id)));
    expect(actions.map((a) => a.action).sort()).toEqual(["sender.added", "sender.verified"]);
  });

  it("refuses an expired link and a duplicate address", async () => {
    const { org, actor } = await setup();
    const address = `vanha.${rand()}@example.fi`;
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    await addSender(h.db, org.id, actor, { address, name: "" }, "en", eightDaysAgo);
    const token = await mailedToken(address);
    expect(await peekSenderToken(h.db, token)).toEqual({ status: "invalid" });
    expect(await verifySender(h.db, token, "198.51.100.2")).toBeNull();
    await expect(
      addSender(h.db, org.id, actor, { address: address.toUpperCase(), name: "" }, "fi"),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { address: ["senders.errors.duplicate"] },
    });
  });

  it("re-sends at most once per 15 minutes, and the new link replaces the old", async () => {
    const { org, actor } = await setup();
    const address = `uusi.${rand()}@example.fi`;
    const t0 = new Date();
    const { id } = await addSender(h.db, org.id, actor, { address, name: "" }, "fi", t0);
    const first = await mailedToken(address);
    await expect(
      resendSenderVerification(h.db, org.id, actor, id, "fi", new Date(t0.getTime() + 10 * 60_000)),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await resendSenderVerification(
      h.db,
      org.id,
      actor,
      id,
      "fi",
      new Date(t0.getTime() + 16 * 60_000),
    );
    const second = await mailedToken(address);
    expect(second).not.toBe(first);
    expect(await verifySender(h.db, first, "198.51.100.3")).toBeNull();
    expect(await verifySender(h.db, second, "198.51.100.3")).not.toBeNull();
    await expect(
      resendSenderVerification(h.db, org.id, actor, id, "fi", new Date(t0.getTime() + 60 * 60_000)),
    ).rejects.toMatchObject({ userMessage: "senders.errors.alreadyVerified" });
  });

  it("refuses to delete a sender a scheduled campaign uses, deletes it otherwise", async () => {
    const { org, actor } = await setup();
    const { id } = await addSender(
      h.db,
      org.id,
      actor,
      { address: `k.${rand()}@example.fi`, name: "" },
      "fi",
    );
    const reg = await createRegister(h.db, org.id, actor, { name: "R", columns: [] });
    const [c] = await h.db
      .insert(campaigns)
      .values({
        orgId: org.id,
        channel: "email",
        name: "Syyskuu",
        registerId: reg.id,
        audience: "register",
        senderId: id,
        status: "scheduled",
      })
      .returning();
    await expect(deleteSender(h.db, org.id, actor, id)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "senders.errors.inUse|campaign=Syyskuu",
    });
    await h.db.update(campaigns).set({ status: "sent" }).where(eq(campaigns.id, c!.id));
    await deleteSender(h.db, org.id, actor, id);
    expect(await listSenders(h.db, org.id)).toEqual([]);
  });

  it("another organisation's sender and domain are not found for every read and write", async () => {
    const a = await setup();
    const b = await setup();
    const { id } = await addSender(
      h.db,
      a.org.id,
      a.actor,
      { address: `a.${rand()}@example.fi`, name: "" },
      "fi",
    );
    const dom = await addDomain(h.db, a.org.id, a.actor, { domain: `a${rand()}.example.fi` });
    const nf = { code: "NOT_FOUND" };
    await expect(getSenderOrThrow(h.db, b.org.id, id)).rejects.toMatchObject(nf);
    await expect(
      resendSenderVerification(h.db, b.org.id, b.actor, id, "fi", new Date(Date.now() + 3600_000)),
    ).rejects.toMatchObject(nf);
    await expect(deleteSender(h.db, b.org.id, b.actor, id)).rejects.toMatchObject(nf);
    await expect(deleteDomain(h.db, b.org.id, b.actor, dom.id)).rejects.toMatchObject(nf);
    await expect(checkDomain(h.db, b.org.id, dom.id, async () => [])).rejects.toMatchObject(nf);
    expect(await listSenders(h.db, b.org.id)).toEqual([]);
    expect(await listDomains(h.db, b.org.id)).toEqual([]);
    expect(await listSenders(h.db, a.org.id)).toHaveLength(1);
  });
});

describe("sending domains (E6)", () => {
  it("stores an RSA-2048 public key and judges published records", async () => {
    const { org, actor } = await setup();
    const domain = `posti${rand()}.example.fi`;
    const { id } = await addDomain(h.db, org.id, actor, { domain });
    const [row] = await h.db.select().from(sendingDomains).where(eq(sendingDomains.id, id));
    // 2048-bit RSA SPKI DER is 294 bytes.
    expect(Buffer.from(row!.dkimPublicKey!, "base64").length).toBe(294);
    const rec = expectedRecords(row!);
    expect(rec.dkim.name).toBe(`viestikone._domainkey.${domain}`);

    const published: Record<string, string[][]> = {
      [domain]: [[rec.spf.value]],
      [rec.dkim.name]: [[rec.dkim.value.slice(0, 200), rec.dkim.value.slice(200)]],
    };
    const resolve = async (name: string) => {
      if (published[name]) return published[name]!;
      throw Object.assign(new Error("nx"), { code: "ENOTFOUND" });
    };
    const result = await checkDomain(h.db, org.id, id, resolve);
    expect(result).toMatchObject({
      status: "checked",
      spf: { ok: true },
      dkim: { ok: true },
      dmarc: { ok: false, error: "dmarcMissing" },
    });
    const [listed] = await listDomains(h.db, org.id);
    expect(listed!.lastCheck).toEqual(result);
    expect(listed!.checkedAt).not.toBeNull();

    const offline = await checkDomain(h.db, org.id, id, async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    });
    expect(offline).toEqual({ status: "unavailable", code: "ECONNREFUSED" });
    await expect(addDomain(h.db, org.id, actor, { domain })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
