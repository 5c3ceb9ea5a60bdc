import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { openTestDb } from "@/db/seed/test-db";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { campaigns, images } from "@/db/schema";
import { createSmtpTransport } from "@/lib/email/smtp";
import { storeFile } from "@/lib/files/store";
import { renderCampaign } from "./renderer";
import { markContentChecked } from "./update-settings";
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

// Each test looks only at what it sent.
beforeEach(() => {
  received.length = 0;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h?.dispose();
});

/** The smallest valid PNG (1×1, transparent). */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

describe("a campaign through the SMTP adapter", () => {
  it("renders a block message with an inline image once and every copy resolves it", async () => {
    const s = await dispatchSetup(h.db, { contacts: 4 });
    const file = await storeFile(
      h.db,
      { orgId: s.org.id, purpose: "image", name: "logo.png", contentType: "image/png" },
      [PNG],
    );
    const [img] = await h.db
      .insert(images)
      .values({
        orgId: s.org.id,
        fileId: file.id,
        publicKey: randomBytes(12).toString("base64url"),
        name: "logo.png",
        contentType: "image/png",
        width: 1,
        height: 1,
        sizeBytes: PNG.length,
      })
      .returning();
    const c = await s.campaign();
    const [updated] = await h.db
      .update(campaigns)
      .set({
        contentKind: "blocks",
        inlineImages: true,
        document: {
          version: 1,
          blocks: [
            { id: "h", type: "heading", text: "Hei {{ first_name }}!", level: 1 },
            { id: "i", type: "image", imageId: img!.id, src: "", alt: "Logo" },
            { id: "b", type: "button", label: "Lue lisää", href: "https://example.fi/syysjuhla" },
          ],
          style: { width: 600 },
        },
        contentVersion: 2,
      })
      .where(eq(campaigns.id, c.id))
      .returning();
    await markContentChecked(h.db, {
      orgId: s.org.id,
      campaignId: c.id,
      version: updated!.contentVersion,
    });
    await scheduleCampaign(h.db, { orgId: s.org.id, actor: s.actor, campaignId: c.id, at: null });
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, poolSize: 2 });
    try {
      const r = await sendCampaign(
        h.db,
        { orgId: s.org.id, campaignId: c.id },
        { transport, render: renderCampaign },
      );
      expect(r).toMatchObject({ state: "finished", sent: 4 });
    } finally {
      await transport.close();
    }
    const got = received;
    expect(got).toHaveLength(4);
    for (const { to, raw } of got) {
      const mail = await simpleParser(raw);
      const i = /jasen(\d+)@/.exec(to[0]!)![1];
      expect(mail.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
      expect(mail.subject).toBe(`Tervetuloa Jäsen${i}`);
      expect(mail.html).toContain(`Hei Jäsen${i}!`);
      const inline = mail.attachments.filter((a) => a.related);
      expect(inline.map((a) => [a.contentType, a.cid])).toEqual([["image/png", "img1@viestikone"]]);
      expect(inline[0]!.content.equals(PNG)).toBe(true);
      // mailparser swaps each resolvable cid: reference for the image's data URL.
      expect(mail.html).not.toContain("cid:img1@viestikone");
      expect(mail.html).toContain("data:image/png;base64,");
      expect(mail.text).toContain(`Hei Jäsen${i}!`);
      const keys = mail.headerLines.map((l) => l.key);
      expect(keys.filter((k) => k === "list-unsubscribe")).toHaveLength(1);
      expect(keys.filter((k) => k === "list-unsubscribe-post")).toHaveLength(1);
      expect(raw.length).toBeLessThan(MAX_MIME_BYTES);
    }
  });

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
