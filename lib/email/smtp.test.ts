import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createSmtpTransport, messageIdFor } from "./smtp";
import type { EmailTransport, OutgoingEmail } from "./transport";

/** Recipients whose local part starts with these get the matching RCPT TO reply. */
function rcptError(address: string): Error | null {
  const code = /^reject(\d{3})@/.exec(address)?.[1];
  if (!code) return null;
  return Object.assign(new Error(`Mailbox unavailable (${code})`), { responseCode: Number(code) });
}

let server: SMTPServer;
let port: number;
const received: Buffer[] = [];
let connections = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onRcptTo(address, _session, callback) {
      callback(rcptError(address.address));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function withTransport<T>(fn: (t: EmailTransport) => Promise<T>): Promise<T> {
  const t = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, poolSize: 2 });
  try {
    return await fn(t);
  } finally {
    await t.close();
  }
}

const base = (key: string, to = "liisa@example.fi"): OutgoingEmail => ({
  key,
  orgId: "org-1",
  from: '"Kyläyhdistys" <uutiset@kylayhdistys.fi>',
  to,
  subject: "Tervetuloa",
  text: `Viesti ${key}`,
});

const parseReceived = () => Promise.all(received.map((raw) => simpleParser(raw)));

describe("createSmtpTransport", () => {
  it("delivers subject, addresses, both parts, custom headers and a key-derived Message-ID intact", async () => {
    const msg: OutgoingEmail = {
      ...base("camp:42/contact:7"),
      replyTo: "vastaukset@kylayhdistys.fi",
      subject: "Syysjuhla: kahvi ja pulla 2,50 € – tervetuloa Äänekoskelle, Öljymäki",
      text: "Hei! Syysjuhla lauantaina. Hinta 2,50 €.",
      html: "<p>Hei! <strong>Syysjuhla</strong> lauantaina. Hinta 2,50 €. Ääliöt älkää häiritkö.</p>",
      headers: {
        "List-Unsubscribe":
          "<https://viestikone.example/u/abc123>, <mailto:unsub@kylayhdistys.fi?subject=abc123>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "X-Viestikone-Campaign": "42",
      },
    };
    const [result] = await withTransport((t) => t.sendBatch([msg]));
    const expectedId = messageIdFor(msg.key, msg.from, "x");
    expect(expectedId).toBe("<camp=3A42=2Fcontact=3A7@kylayhdistys.fi>");
    expect(result).toEqual({ key: msg.key, ok: true, providerId: expectedId });

    const mail = (await parseReceived()).find((p) => p.messageId === expectedId);
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe(msg.subject);
    expect(mail!.from?.value).toEqual([
      { name: "Kyläyhdistys", address: "uutiset@kylayhdistys.fi" },
    ]);
    expect(
      mail!.to && !Array.isArray(mail!.to) ? mail!.to.value.map((a) => a.address) : [],
    ).toEqual(["liisa@example.fi"]);
    expect(mail!.replyTo?.value.map((a) => a.address)).toEqual(["vastaukset@kylayhdistys.fi"]);
    expect(mail!.text?.trim()).toBe(msg.text);
    expect(mail!.html).toContain(msg.html);
    // mailparser folds List-* headers into one parsed "list" object, so compare the raw lines
    // (unfolded: a long header may be wrapped onto continuation lines).
    const line = (key: string) =>
      mail!.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n(?=[ \t])/g, "");
    expect(line("list-unsubscribe")).toBe(`List-Unsubscribe: ${msg.headers!["List-Unsubscribe"]}`);
    expect(line("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(mail!.headers.get("x-viestikone-campaign")).toBe("42");
  });

  it("delivers a batch of 20 exactly once over at most poolSize connections, results in order", async () => {
    const before = received.length;
    const connectionsBefore = connections;
    const msgs = Array.from({ length: 20 }, (_, i) => base(`batch-${i}`, `jasen${i}@example.fi`));
    const results = await withTransport((t) => t.sendBatch(msgs));
    expect(results.map((r) => r.key)).toEqual(msgs.map((m) => m.key));
    expect(results.every((r) => r.ok)).toBe(true);
    // Proves the transport really is pooled (an unpooled one opens a connection per message).
    expect(connections - connectionsBefore).toBeLessThanOrEqual(2);

    const ids = (await parseReceived()).slice(before).map((p) => p.messageId);
    expect(ids).toHaveLength(20);
    expect(new Set(ids)).toEqual(new Set(msgs.map((m) => messageIdFor(m.key, m.from, "x"))));
  });

  it("reports 550 as permanent and 451 as transient while the rest of the batch succeeds", async () => {
    const before = received.length;
    const msgs = [
      base("ok-1"),
      base("bad-550", "reject550@example.fi"),
      base("ok-2"),
      base("busy-451", "reject451@example.fi"),
      base("ok-3"),
    ];
    const results = await withTransport((t) => t.sendBatch(msgs));
    expect(results.map((r) => [r.key, r.ok])).toEqual([
      ["ok-1", true],
      ["bad-550", false],
      ["ok-2", true],
      ["busy-451", false],
      ["ok-3", true],
    ]);
    expect(results[1]).toMatchObject({ ok: false, permanent: true });
    expect(results[3]).toMatchObject({ ok: false, permanent: false });
    expect(received.length - before).toBe(3);
  });

  it("reports an unreachable server as transient", async () => {
    const closed = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
    });
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const t = createSmtpTransport({ url: `smtp://127.0.0.1:${deadPort}`, poolSize: 1 });
    const results = await t.sendBatch([base("down-1"), base("down-2")]);
    await t.close();
    expect(results).toEqual([
      expect.objectContaining({ key: "down-1", ok: false, permanent: false, gatewayDown: true }),
      expect.objectContaining({ key: "down-2", ok: false, permanent: false, gatewayDown: true }),
    ]);
  });

  it("fails transiently instead of hanging after close()", async () => {
    const t = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, poolSize: 1 });
    await t.close();
    expect(await t.sendBatch([base("after-close")])).toEqual([
      expect.objectContaining({ key: "after-close", ok: false, permanent: false }),
    ]);
  });

  it("signs with DKIM for the From domain when given a key, with our selector", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const t = createSmtpTransport({
      url: `smtp://127.0.0.1:${port}`,
      poolSize: 1,
      dkim: { selector: "vk1", privateKey },
    });
    const before = received.length;
    const [r] = await t.sendBatch([{ ...base("dkim-1"), html: "<p>Hei</p>" }]);
    await t.close();
    expect(r).toMatchObject({ ok: true });
    const raw = received
      .slice(before)
      .find((b) => b.toString().includes("dkim-1"))!
      .toString();
    const header = /^DKIM-Signature: ([\s\S]*?)\r\n(?=\S)/m.exec(raw)?.[1] ?? "";
    expect(header).toMatch(/d=kylayhdistys\.fi/);
    expect(header).toMatch(/s=vk1/);
    expect(header).toMatch(/b=[A-Za-z0-9+/=\s]{100,}/);
  });

  it("carries inline images as related parts the HTML finds by Content-ID", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const before = received.length;
    const [result] = await withTransport((t) =>
      t.sendBatch([
        {
          ...base("camp:cid/contact:1"),
          html: '<p>Logo <img src="cid:img1@viestikone" alt=""></p>',
          attachments: [
            {
              filename: "image-1.png",
              content: png,
              contentType: "image/png",
              cid: "img1@viestikone",
            },
          ],
        },
      ]),
    );
    expect(result!.ok).toBe(true);
    const mail = await simpleParser(received[before]!);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.cid).toBe("img1@viestikone");
    expect(mail.attachments[0]!.contentType).toBe("image/png");
    expect(mail.attachments[0]!.content.equals(png)).toBe(true);
    expect(String(received[before]!)).toMatch(/multipart\/related/);
  });
});
