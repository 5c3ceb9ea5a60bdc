import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pool } from "pg";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { queryRows } from "@/db";
import { jobs, sandboxEmails, sandboxSms } from "@/db/schema";
import { createOrg } from "@/db/seed/factories";
import { openTestDb } from "@/db/seed/test-db";
import { env } from "@/lib/env";
import { jobFunctions, tickFunction } from "./index";

// The functions Inngest would run, driven by @inngest/test against a real database and the
// default channels (sandbox e-mail transport and SMS gateway: no environment is set here).

/**
 * Dropping the test database in dispose() ends pooled connections that are still closing; the
 * pool re-emits that as "error", which with no listener is an uncaught exception (db/client.ts
 * attaches none). Queries in flight still reject, so nothing a test checks is hidden.
 */
const toleratePoolDisconnects = (handle: { kind: string; raw: unknown }) => {
  if (handle.kind === "postgres") (handle.raw as Pool).on("error", () => {});
};

let h: Awaited<ReturnType<typeof openTestDb>>;
let orgId: string;
beforeAll(async () => {
  h = await openTestDb();
  toleratePoolDisconnects(h);
  orgId = (await createOrg(h.db)).id;
});
afterAll(async () => h?.dispose());

const fn = (id: string) => {
  const found = jobFunctions.find((f) => f.id() === id);
  if (!found) throw new Error(`no Inngest function ${id}`);
  return found;
};

/** Runs a function once for one event, on an engine of its own. */
const run = (id: string, name: string, data: Record<string, unknown>) =>
  new InngestTestEngine({ function: fn(id) }).execute({ events: [{ name, data }] });

/** Runs only the function's step and returns the op Inngest would receive for it. */
const runStep = async (id: string, name: string, data: Record<string, unknown>) =>
  (await new InngestTestEngine({ function: fn(id) }).executeStep(id, { events: [{ name, data }] }))
    .step;

const emailsWithKey = (key: string) =>
  h.db.select().from(sandboxEmails).where(eq(sandboxEmails.messageKey, key));
const smsWithKey = (key: string) =>
  h.db.select().from(sandboxSms).where(eq(sandboxSms.messageKey, key));

describe("every job has an Inngest function", () => {
  it("serves the campaign, e-mail, SMS, import, export, bulk deletion, erasure and ping jobs under their ids", () => {
    expect(jobFunctions.map((f) => f.id()).sort()).toEqual([
      "campaign-send",
      "email-send-message",
      "person-erase-files",
      "register-delete-contacts",
      "register-export-contacts",
      "register-import",
      "sms-send-message",
      "system-ping",
    ]);
  });
});

describe("email-send-message", () => {
  const email = (messageKey: string) => ({
    orgId,
    messageKey,
    to: "asiakas@example.fi",
    subject: "Tervetuloa, äiti!",
    html: "<p>Hyvää päivää</p>",
    text: "Hyvää päivää",
  });

  it("puts the message in the organisation's sandbox outbox", async () => {
    const key = `inngest-email-${randomUUID()}`;
    const { result, error } = await run(
      "email-send-message",
      "email/message.requested",
      email(key),
    );
    expect(error).toBeUndefined();

    const rows = await emailsWithKey(key);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      orgId,
      toAddress: "asiakas@example.fi",
      fromAddress: env().EMAIL_FROM,
      subject: "Tervetuloa, äiti!",
      html: "<p>Hyvää päivää</p>",
      text: "Hyvää päivää",
    });
    expect(rows[0]!.sizeBytes).toBeGreaterThan(0);
    expect(result).toEqual({ providerId: rows[0]!.id });
  });

  it("stores a message once when Inngest runs it again with the same key", async () => {
    const key = `inngest-email-${randomUUID()}`;
    const first = await run("email-send-message", "email/message.requested", email(key));
    const second = await run("email-send-message", "email/message.requested", {
      ...email(key),
      subject: "Toinen yritys",
    });
    expect(first.error).toBeUndefined();
    expect(second.error).toBeUndefined();

    const rows = await emailsWithKey(key);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toBe("Tervetuloa, äiti!");
  });

  it("fails an invalid payload for good (no retries) and stores nothing", async () => {
    const key = `inngest-email-${randomUUID()}`;
    const { to: _to, ...withoutTo } = email(key);
    void _to;

    const { result, error } = await run("email-send-message", "email/message.requested", withoutTo);
    expect(result).toBeUndefined();
    expect(error).toMatchObject({
      name: "NonRetriableError",
      message: expect.stringContaining('"to"'),
    });

    // The step's outcome as sent to Inngest: StepFailed is final, StepError would be retried.
    const step = await runStep("email-send-message", "email/message.requested", withoutTo);
    expect(step.op).toBe("StepFailed");

    expect(await emailsWithKey(key)).toHaveLength(0);
  });
});

describe("sms-send-message", () => {
  const sms = (messageKey: string, text: string) => ({
    orgId,
    messageKey,
    from: "Viestikone",
    to: "+358401234567",
    text,
  });

  it("puts the message on the sandbox phone with its encoding and parts", async () => {
    const key = `inngest-sms-${randomUUID()}`;
    const { result, error } = await run(
      "sms-send-message",
      "sms/message.requested",
      sms(key, "Hei äiti"),
    );
    expect(error).toBeUndefined();

    const rows = await smsWithKey(key);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      orgId,
      sender: "Viestikone",
      recipient: "+358401234567",
      body: "Hei äiti",
      encoding: "gsm7",
      parts: 1,
    });
    expect(result).toEqual({ providerId: rows[0]!.id });
  });

  it("records UCS-2 and the part count for a long message with an emoji", async () => {
    const key = `inngest-sms-${randomUUID()}`;
    const text = `Kiitos 🙂 ${"a".repeat(70)}`; // 80 UTF-16 units: two UCS-2 parts
    expect(
      (await run("sms-send-message", "sms/message.requested", sms(key, text))).error,
    ).toBeUndefined();
    expect(await smsWithKey(key)).toMatchObject([{ body: text, encoding: "ucs2", parts: 2 }]);
  });

  it("stores a message once when Inngest runs it again with the same key", async () => {
    const key = `inngest-sms-${randomUUID()}`;
    expect(
      (await run("sms-send-message", "sms/message.requested", sms(key, "Hei äiti"))).error,
    ).toBeUndefined();
    expect(
      (await run("sms-send-message", "sms/message.requested", sms(key, "Hei äiti"))).error,
    ).toBeUndefined();
    expect(await smsWithKey(key)).toHaveLength(1);
  });

  it("fails an invalid payload for good (no retries) and stores nothing", async () => {
    const key = `inngest-sms-${randomUUID()}`;
    const { to: _to, ...withoutTo } = sms(key, "Hei äiti");
    void _to;

    const { result, error } = await run("sms-send-message", "sms/message.requested", withoutTo);
    expect(result).toBeUndefined();
    expect(error).toMatchObject({
      name: "NonRetriableError",
      message: expect.stringContaining('"to"'),
    });
    expect((await runStep("sms-send-message", "sms/message.requested", withoutTo)).op).toBe(
      "StepFailed",
    );
    expect(await smsWithKey(key)).toHaveLength(0);
  });
});

describe("system-tick", () => {
  it("prunes jobs finished over a week ago and keeps newer ones", async () => {
    // Nothing is queued in this database, so the relay step has nothing to send to Inngest.
    expect(
      await queryRows(h.db, sql`select 1 from jobs where status in ('queued', 'running')`),
    ).toHaveLength(0);
    const [old, recent] = await h.db
      .insert(jobs)
      .values([
        {
          name: "system/ping",
          payload: { n: 1 },
          status: "done",
          finishedAt: sql`now() - interval '8 days'`,
        },
        {
          name: "system/ping",
          payload: { n: 2 },
          status: "done",
          finishedAt: sql`now() - interval '1 day'`,
        },
      ])
      .returning({ id: jobs.id });

    const { result, error } = await new InngestTestEngine({ function: tickFunction }).execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ relayed: 0, pruned: 1, campaigns: 0 });

    const left = await h.db.select({ id: jobs.id }).from(jobs);
    expect(left.map((r) => r.id)).not.toContain(old!.id);
    expect(left.map((r) => r.id)).toContain(recent!.id);
  });
});
