import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pool } from "pg";
import { createOrg } from "@/db/seed/factories";
import { openTestDb } from "@/db/seed/test-db";
import { getSandboxEmail, listSandboxEmails } from "@/lib/email/queries";
import { requestTestEmail } from "@/lib/email/service";
import { listInboundSms, listSandboxMessages, listSandboxNumbers } from "@/lib/sms/queries";
import { receiveInboundSms, requestTestSms } from "@/lib/sms/service";
import { orgJobCounts } from "./enqueue";
import { LocalRunner } from "./runner";

// The embedded default end to end: a request queues a job, the local runner runs the real
// handler, and the sandbox channel stores the message for its organisation only.

/**
 * Dropping the test database in dispose() ends pooled connections that are still closing; the
 * pool re-emits that as "error", which with no listener is an uncaught exception (db/client.ts
 * attaches none). Queries in flight still reject, so nothing a test checks is hidden.
 */
const toleratePoolDisconnects = (handle: { kind: string; raw: unknown }) => {
  if (handle.kind === "postgres") (handle.raw as Pool).on("error", () => {});
};

let h: Awaited<ReturnType<typeof openTestDb>>;
let org: { id: string; name: string };
let other: { id: string; name: string };
beforeAll(async () => {
  h = await openTestDb();
  toleratePoolDisconnects(h);
  org = await createOrg(h.db, "Kukkakauppa Äyräpää Oy");
  other = await createOrg(h.db);
});
afterAll(async () => h?.dispose());

const drain = () => new LocalRunner({ db: h.db }).drain();

describe("test e-mail through the local runner", () => {
  it("lands in the organisation's sandbox outbox, and nowhere else", async () => {
    const { messageKey } = await requestTestEmail(h.db, {
      orgId: org.id,
      orgName: org.name,
      to: "mirja@example.fi",
      sentBy: "paivi@example.fi",
      locale: "fi",
    });
    // Queued, not sent: nothing is in the outbox before the runner has run.
    expect((await listSandboxEmails(h.db, org.id)).total).toBe(0);

    expect(await drain()).toBeGreaterThanOrEqual(1);
    expect(await orgJobCounts(h.db, org.id)).toEqual({ done: 1 });

    const outbox = await listSandboxEmails(h.db, org.id);
    expect(outbox.total).toBe(1);
    expect(outbox.rows[0]).toMatchObject({
      toAddress: "mirja@example.fi",
      subject: "Viestikoneen testiviesti",
    });

    const id = outbox.rows[0]!.id;
    const message = await getSandboxEmail(h.db, org.id, id);
    expect(message).toMatchObject({ orgId: org.id, messageKey, toAddress: "mirja@example.fi" });
    expect(message!.text).toContain("Kukkakauppa Äyräpää Oy");
    expect(message!.text).toContain("paivi@example.fi");
    expect(message!.html).toContain("Kukkakauppa Äyräpää Oy");
    expect(message!.headers).toMatchObject({ "X-Viestikone-Kind": "test", To: "mirja@example.fi" });

    // Another organisation sees neither the list entry nor the message itself.
    expect(await listSandboxEmails(h.db, other.id)).toEqual({ rows: [], total: 0 });
    expect(await getSandboxEmail(h.db, other.id, id)).toBeNull();
  });

  it("a second drain sends nothing again", async () => {
    const before = (await listSandboxEmails(h.db, org.id)).total;
    expect(await drain()).toBe(0);
    expect((await listSandboxEmails(h.db, org.id)).total).toBe(before);
  });
});

describe("test SMS through the local runner", () => {
  it("lands on the organisation's sandbox phone, and nowhere else", async () => {
    await requestTestSms(h.db, {
      orgId: org.id,
      from: "Kukkakauppa",
      to: "+358401234567",
      text: "Hei äiti, kukat ovat valmiina!",
    });
    await requestTestSms(h.db, {
      orgId: org.id,
      from: "Kukkakauppa",
      to: "+358401234567",
      text: "Tervetuloa 🌷",
    });
    await requestTestSms(h.db, {
      orgId: org.id,
      from: "Kukkakauppa",
      to: "+358501112222",
      text: "Toinen numero",
    });
    await drain();

    const numbers = await listSandboxNumbers(h.db, org.id);
    expect(numbers.map((n) => [n.recipient, n.messages]).sort()).toEqual([
      ["+358401234567", 2],
      ["+358501112222", 1],
    ]);

    const messages = await listSandboxMessages(h.db, org.id, "+358401234567");
    expect(messages).toHaveLength(2);
    expect(messages.find((m) => m.body === "Hei äiti, kukat ovat valmiina!")).toMatchObject({
      sender: "Kukkakauppa",
      encoding: "gsm7",
      parts: 1,
    });
    expect(messages.find((m) => m.body === "Tervetuloa 🌷")).toMatchObject({
      encoding: "ucs2",
      parts: 1,
    });

    expect(await listSandboxNumbers(h.db, other.id)).toEqual([]);
    expect(await listSandboxMessages(h.db, other.id, "+358401234567")).toEqual([]);
  });
});

describe("inbound SMS", () => {
  it("stores a message the gateway delivers twice only once", async () => {
    const msg = {
      providerId: "sandbox-inbound-1",
      from: "+358401234567",
      to: "18230",
      text: "TILAA kukat",
      receivedAt: new Date(),
    };
    const first = await receiveInboundSms(h.db, "sandbox", msg, org.id);
    const second = await receiveInboundSms(h.db, "sandbox", msg, org.id);
    expect(first).toMatchObject({ created: true });
    expect(first.id).toEqual(expect.any(String));
    expect(second).toEqual({ created: false, id: null });

    const inbox = await listInboundSms(h.db, org.id);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({
      id: first.id,
      sender: "+358401234567",
      shortCode: "18230",
      body: "TILAA kukat",
    });
    expect(await listInboundSms(h.db, other.id)).toEqual([]);
  });

  it("keeps messages of different gateways that happen to share an id", async () => {
    const msg = {
      providerId: "shared-id-42",
      from: "+358401234567",
      to: "18230",
      text: "Hei",
      receivedAt: new Date(),
    };
    expect((await receiveInboundSms(h.db, "sandbox", msg, org.id)).created).toBe(true);
    expect((await receiveInboundSms(h.db, "kannel", msg, org.id)).created).toBe(true);
  });
});
