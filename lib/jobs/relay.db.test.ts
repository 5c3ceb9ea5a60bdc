import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pool } from "pg";
import { inArray } from "drizzle-orm";
import { jobs } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg } from "@/db/seed/factories";
import { enqueue } from "./enqueue";
import { relayOutbox } from "./relay";

// With Inngest configured the jobs table is an outbox: relayOutbox hands its events to Inngest.
// `send` here records what Inngest would receive.

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

type Sent = { id: string; name: string; data: unknown };

function recorder() {
  const batches: Sent[][] = [];
  const send = async (events: Sent[]) => {
    batches.push(events);
    return { ids: events.map((e) => e.id) };
  };
  return { batches, send, sent: () => batches.flat() };
}

const jobNumber = (e: Sent) => Number(e.id.replace(/^job-/, ""));
const byId = (events: Sent[]) => [...events].sort((a, b) => jobNumber(a) - jobNumber(b));
const ids = (events: Sent[]) => byId(events).map((e) => e.id);

const jobRows = async () =>
  h.db
    .select({ id: jobs.id, name: jobs.name, status: jobs.status, payload: jobs.payload })
    .from(jobs)
    .orderBy(jobs.id);

/** Lets the relay's claim on these jobs run out, as if a minute had passed. */

describe("relayOutbox", () => {
  it("sends every queued event once, with a stable id, and marks it done", async () => {
    const email = {
      orgId,
      messageKey: "relay-email-1",
      to: "asiakas@example.fi",
      subject: "Hei äiti",
      text: "Hei",
    };
    const sms = {
      orgId,
      messageKey: "relay-sms-1",
      from: "Viestikone",
      to: "+358401234567",
      text: "Hei äiti",
    };
    await enqueue(h.db, "email/message.requested", email);
    await enqueue(h.db, "sms/message.requested", sms);
    await enqueue(h.db, "system/ping", { n: 7 });
    const rows = await jobRows();
    expect(rows).toHaveLength(3);

    const r = recorder();
    expect(await relayOutbox(h.db, r.send)).toBe(3);
    // Inngest does not promise order, and neither does the relay: compare as a set.
    expect(byId(r.sent())).toEqual([
      { id: `job-${rows[0]!.id}`, name: "email/message.requested", data: email },
      { id: `job-${rows[1]!.id}`, name: "sms/message.requested", data: sms },
      { id: `job-${rows[2]!.id}`, name: "system/ping", data: { n: 7 } },
    ]);
    expect((await jobRows()).map((j) => j.status)).toEqual(["done", "done", "done"]);

    const again = recorder();
    expect(await relayOutbox(h.db, again.send)).toBe(0);
    expect(again.sent()).toEqual([]);
  });

  it("relays a large outbox in batches without losing or repeating an event", async () => {
    for (let n = 0; n < 25; n++)
      await enqueue(h.db, "system/ping", { n }, { dedupeKey: `relay-batch-${n}` });
    const r = recorder();
    expect(await relayOutbox(h.db, r.send, 10)).toBe(25);
    expect(r.batches.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(
      r
        .sent()
        .map((e) => (e.data as { n: number }).n)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(new Set(r.sent().map((e) => e.id)).size).toBe(25);
  });

  it("keeps events whose sending failed and sends them later under the same ids", async () => {
    await enqueue(h.db, "system/ping", { n: 100 }, { dedupeKey: "relay-fail-1" });
    await enqueue(h.db, "system/ping", { n: 101 }, { dedupeKey: "relay-fail-2" });
    const pending = (await jobRows()).filter((j) => j.status === "queued");
    expect(pending).toHaveLength(2);

    const attempted: Sent[] = [];
    await expect(
      relayOutbox(h.db, async (events) => {
        attempted.push(...events);
        throw new Error("Inngest unavailable");
      }),
    ).rejects.toThrow("Inngest unavailable");
    const afterFailure = (await jobRows()).filter((j) => pending.some((p) => p.id === j.id));
    // Given back to the queue at once (not held until the claim expires), to be retried after a short backoff.
    expect(afterFailure.map((j) => j.status)).toEqual(["queued", "queued"]);
    expect(await relayOutbox(h.db, recorder().send)).toBe(0);

    await h.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(
        inArray(
          jobs.id,
          pending.map((p) => p.id),
        ),
      );
    const r = recorder();
    expect(await relayOutbox(h.db, r.send)).toBe(2);
    // The same ids as the failed attempt: had Inngest received that one after all, it drops these.
    expect(ids(r.sent())).toEqual(ids(attempted));
    expect(ids(r.sent())).toEqual(pending.map((p) => `job-${p.id}`));
    expect(
      (await jobRows()).filter((j) => pending.some((p) => p.id === j.id)).map((j) => j.status),
    ).toEqual(["done", "done"]);
  });
});
