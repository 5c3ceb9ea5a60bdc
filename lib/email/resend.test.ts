import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createResendTransport } from "./resend";
import type { OutgoingEmail } from "./transport";

const API_KEY = "re_test_secret_key";

type Call = {
  auth?: string;
  idempotencyKey?: string;
  validation?: string;
  emails: Record<string, unknown>[];
};
type Reply = { status: number; headers?: Record<string, string>; body: unknown };

/** Imitation of Resend's POST /emails/batch: records calls and, like Resend, replays a key's answer. */
let calls: Call[];
let sent: Map<string, number>; // idempotency key -> batches actually "sent"
let answered: Map<string, Reply>;
let nextReply: (call: Call) => Reply | undefined;
let idCounter: number;
let server: Server;
let baseUrl: string;

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const call: Call = {
      auth: req.headers.authorization,
      idempotencyKey: req.headers["idempotency-key"] as string | undefined,
      validation: req.headers["x-batch-validation"] as string | undefined,
      emails: (await readJson(req)) as Record<string, unknown>[],
    };
    calls.push(call);
    const key = call.idempotencyKey ?? "";
    let reply =
      req.url === "/emails/batch" && req.method === "POST"
        ? (answered.get(key) ?? nextReply(call))
        : undefined;
    if (!reply && req.url === "/emails") {
      // The single-message endpoint (messages with inline images): `{ id }`.
      reply = { status: 200, body: { id: `re-${++idCounter}` } };
      sent.set(key, (sent.get(key) ?? 0) + 1);
      answered.set(key, reply);
    }
    if (!reply) {
      reply = { status: 200, body: { data: call.emails.map(() => ({ id: `re-${++idCounter}` })) } };
      sent.set(key, (sent.get(key) ?? 0) + 1);
      answered.set(key, reply);
    }
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  calls = [];
  sent = new Map();
  answered = new Map();
  nextReply = () => undefined;
  idCounter = 0;
});

const msg = (i: number, extra: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  key: `camp-1:${i}`,
  orgId: "org-1",
  from: "Kyläyhdistys <uutiset@kylayhdistys.fi>",
  to: `jasen${i}@example.fi`,
  subject: `Syysjuhla ${i} – 2,50 €`,
  text: `Hei ${i}`,
  ...extra,
});
const msgs = (n: number) => Array.from({ length: n }, (_, i) => msg(i));

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** Answers 429 with these headers `times` times (Infinity: always), then lets calls through. */
function rateLimited(times: number, headers: Record<string, string>) {
  let n = 0;
  return (): Reply | undefined =>
    n++ < times
      ? {
          status: 429,
          headers,
          body: { name: "rate_limit_exceeded", message: "Too many requests" },
        }
      : undefined;
}

const transport = (extra: { sleep?: (ms: number) => Promise<void>; maxRetries?: number } = {}) =>
  createResendTransport({ apiKey: API_KEY, baseUrl, ...extra });

describe("createResendTransport", () => {
  it("splits 250 messages into calls of 100, 100 and 50 and returns the ids in order", async () => {
    const t = transport();
    expect(t.maxBatch).toBe(100);
    const input = msgs(250);
    input[0] = msg(0, {
      html: "<p>Hei</p>",
      replyTo: "vastaukset@kylayhdistys.fi",
      headers: { "List-Unsubscribe": "<https://x.example/u/1>" },
    });
    const results = await t.sendBatch(input);

    expect(calls.map((c) => c.emails.length)).toEqual([100, 100, 50]);
    expect(calls.every((c) => c.auth === `Bearer ${API_KEY}`)).toBe(true);
    expect(calls.every((c) => /^vk-batch-[0-9a-f]{64}$/.test(c.idempotencyKey ?? ""))).toBe(true);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(3);
    expect(calls[0]!.emails[0]).toEqual({
      from: "Kyläyhdistys <uutiset@kylayhdistys.fi>",
      to: ["jasen0@example.fi"],
      subject: "Syysjuhla 0 – 2,50 €",
      html: "<p>Hei</p>",
      text: "Hei 0",
      headers: { "List-Unsubscribe": "<https://x.example/u/1>" },
      reply_to: "vastaukset@kylayhdistys.fi",
    });
    expect(Object.keys(calls[0]!.emails[1]!).sort()).toEqual(["from", "subject", "text", "to"]);
    expect(results).toEqual(
      input.map((m, i) => ({ key: m.key, ok: true, providerId: `re-${i + 1}` })),
    );
  });

  it("waits as told by retry-after on 429, retries the same call and sends once", async () => {
    nextReply = rateLimited(2, { "retry-after": "1" });
    const { waits, sleep } = recordingSleep();
    const results = await transport({ sleep }).sendBatch(msgs(3));

    expect(waits).toEqual([1000, 1000]);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.idempotencyKey)).size).toBe(1);
    expect([...sent.values()]).toEqual([1]);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it("accepts ratelimit-reset when retry-after is missing", async () => {
    nextReply = rateLimited(1, { "ratelimit-reset": "2" });
    const { waits, sleep } = recordingSleep();
    const [r] = await transport({ sleep }).sendBatch(msgs(1));
    expect(waits).toEqual([2000]);
    expect(r).toMatchObject({ ok: true });
  });

  it("gives transient failures with retryAfterMs when still limited after maxRetries", async () => {
    nextReply = rateLimited(Infinity, { "retry-after": "1" });
    const { waits, sleep } = recordingSleep();
    const results = await transport({ sleep, maxRetries: 2 }).sendBatch(msgs(2));
    expect(waits).toEqual([1000, 1000]);
    expect(calls).toHaveLength(3);
    const error = "rate_limit_exceeded: Too many requests";
    expect(results).toEqual(
      msgs(2).map((m) => ({ key: m.key, ok: false, error, permanent: false, retryAfterMs: 1000 })),
    );
  });

  it("does not sleep through a quota-sized wait but hands it to the caller", async () => {
    nextReply = rateLimited(Infinity, { "retry-after": "3600" });
    const { waits, sleep } = recordingSleep();
    const [r] = await transport({ sleep }).sendBatch(msgs(1));
    expect(waits).toEqual([]);
    expect(r).toMatchObject({ ok: false, permanent: false, retryAfterMs: 3_600_000 });
  });

  it.each([
    [
      422,
      { name: "validation_error", message: "Invalid `to` field." },
      "validation_error: Invalid `to` field.",
      true,
    ],
    [401, { message: "API key is invalid" }, "API key is invalid", false],
    [500, { name: "internal_server_error", message: "Oops" }, "internal_server_error: Oops", false],
    [
      502,
      "<html>Bad gateway</html>",
      'Resend API responded 502: "<html>Bad gateway</html>"',
      false,
    ],
  ])(
    "maps HTTP %i to a failure of every message of the call",
    async (status, body, error, permanent) => {
      nextReply = () => ({ status, body });
      const results = await transport().sendBatch(msgs(2));
      expect(results).toEqual(msgs(2).map((m) => ({ key: m.key, ok: false, error, permanent })));
      expect(JSON.stringify(results)).not.toContain(API_KEY);
    },
  );

  it("maps per-message errors of permissive validation to permanent failures, the rest ok", async () => {
    const errors = [{ index: 1, message: "Invalid `to` field." }];
    nextReply = () => ({ status: 200, body: { data: [{ id: "a" }, { id: "c" }], errors } });
    const results = await transport().sendBatch(msgs(3));
    expect(calls[0]!.validation).toBe("permissive");
    expect(results).toEqual([
      { key: "camp-1:0", ok: true, providerId: "a" },
      { key: "camp-1:1", ok: false, error: "Invalid `to` field.", permanent: true },
      { key: "camp-1:2", ok: true, providerId: "c" },
    ]);
  });

  it("sends a retried batch only once thanks to the idempotency key", async () => {
    const t = transport();
    const first = await t.sendBatch(msgs(5));
    const second = await t.sendBatch(msgs(5));
    expect(calls).toHaveLength(2);
    expect([...sent.values()]).toEqual([1]);
    expect(second).toEqual(first);
  });

  it("maps a network error to transient failures", async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const t = createResendTransport({ apiKey: API_KEY, baseUrl: `http://127.0.0.1:${port}` });
    const results = await t.sendBatch(msgs(2));
    expect(results.every((r) => !r.ok && !r.permanent)).toBe(true);
    expect(results[0]).toMatchObject({ error: expect.stringContaining("ECONNREFUSED") });
  });

  it("sends a message with inline images alone with base64 attachments and content ids", async () => {
    const t = createResendTransport({ apiKey: API_KEY, baseUrl });
    const logo = Buffer.from("89504e470d0a1a0a", "hex");
    const withImage = msg(2, {
      html: '<img src="cid:img1@viestikone">',
      attachments: [
        {
          filename: "image-1.png",
          content: logo,
          contentType: "image/png",
          cid: "img1@viestikone",
        },
      ],
    });
    const results = await t.sendBatch([msg(1), withImage, msg(3)]);
    expect(results.map((r) => [r.key, r.ok])).toEqual([
      ["camp-1:1", true],
      ["camp-1:2", true],
      ["camp-1:3", true],
    ]);
    const batch = calls.find((c) => Array.isArray(c.emails))!;
    expect((batch.emails as { to: string[] }[]).map((e) => e.to[0])).toEqual([
      "jasen1@example.fi",
      "jasen3@example.fi",
    ]);
    const single = calls.find((c) => !Array.isArray(c.emails))!;
    const body = single.emails as unknown as {
      to: string[];
      attachments: Record<string, string>[];
    };
    expect(body.to).toEqual(["jasen2@example.fi"]);
    expect(body.attachments).toEqual([
      {
        filename: "image-1.png",
        content: logo.toString("base64"),
        content_type: "image/png",
        content_id: "img1@viestikone",
      },
    ]);
    expect(single.idempotencyKey).toMatch(/^vk-msg-[0-9a-f]{64}$/);
  });
});
