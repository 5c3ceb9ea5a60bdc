import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { openTestDb } from "@/db/seed/test-db";
import { createSmtpTransport } from "@/lib/email/smtp";
import { MAX_MIME_BYTES } from "./render/types";
import { scheduleCampaign } from "./schedule";
import { sendCampaign } from "./send";
import { dispatchSetup, fixtureRender } from "./test/fixtures";

/**
 * Acceptance (issue 5): a campaign sent through the SMTP adapter to a real local SMTP server.
 * Every message must parse as multipart/alternative with exactly one List-Unsubscribe and one
 * List-Unsubscribe-Post header, the recipient's own subject, and a size under the cap.
 */
let h: Awaited<ReturnType<typeof openTestDb>>;
let server: SMTPServer;
let port: number;
const received: { to: string[]; raw: Buffer }[] = [];

beforeAll(async () => {
  h = await openTestDb();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h?.dispose();
});

describe("a campaign through the SMTP adapter", () => {
  it("arrives once per recipient as multipart/alternative with one List-Unsubscribe pair", async () => {
    const s = await dispatchSetup(h.db, { contacts: 12 });
    const c = await s.campaign();
    await scheduleCampaign(h.db, { orgId: s.org.id, actor: s.actor, campaignId: c.id, at: null });
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, poolSize: 2 });
    try {
      const r = await sendCampaign(
        h.db,
        { orgId: s.org.id, campaignId: c.id },
        { transport, render: fixtureRender, batchSize: 5 },
      );
      expect(r).toMatchObject({ state: "finished", sent: 12, failed: 0 });
    } finally {
      await transport.close();
    }

    expect(received.map((m) => m.to[0]).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `jasen${i}@example.fi`).sort(),
    );
    for (const { to, raw } of received) {
      const mail = await simpleParser(raw);
      const i = /jasen(\d+)@/.exec(to[0]!)![1];
      expect(mail.subject).toBe(`Tervetuloa Jäsen${i}`);
      expect(mail.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
      expect(mail.text).toContain(`Hei Jäsen${i}!`);
      expect(mail.html).toContain(`Hei Jäsen${i} (`);
      const keys = mail.headerLines.map((l) => l.key);
      expect(keys.filter((k) => k === "list-unsubscribe")).toHaveLength(1);
      expect(keys.filter((k) => k === "list-unsubscribe-post")).toHaveLength(1);
      const unsub = mail.headerLines
        .find((l) => l.key === "list-unsubscribe")!
        .line.replace(/\r?\n(?=[ \t])/g, "");
      expect(unsub).toMatch(/^List-Unsubscribe: <https?:\/\/[^>]+\/u\/u[^>]+>, <mailto:[^>]+>$/);
      expect(mail.headerLines.find((l) => l.key === "list-unsubscribe-post")!.line).toBe(
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
      );
      expect(raw.length).toBeLessThan(MAX_MIME_BYTES);
    }
  });
});
