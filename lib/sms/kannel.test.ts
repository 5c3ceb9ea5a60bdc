import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsLength } from "./encoding";
import { createKannelGateway } from "./kannel";
import type { SmsGateway } from "./gateway";
import { verifyReportToken } from "./report-token";
import { kannelInstalled, startKannel, type KannelInstance } from "./testing/kannel-fixture";

// Real bearerbox + smsbox + fake SMSC (CI installs kannel and kannel-extras). Without Kannel on a
// developer machine the suite is skipped; under CI its absence is a failure.
const available = kannelInstalled();
if (!available && process.env.CI) throw new Error("Kannel is not installed but CI=1");

describe.skipIf(!available)("Kannel adapter against a real Kannel", () => {
  let kannel: KannelInstance;
  let gateway: SmsGateway;
  const reports: URLSearchParams[] = [];
  let reportServer: http.Server;

  beforeAll(async () => {
    reportServer = http.createServer((req, res) => {
      reports.push(new URL(req.url!, "http://x").searchParams);
      res.end("ok");
    });
    await new Promise<void>((r) => reportServer.listen(0, "127.0.0.1", r));
    const port = (reportServer.address() as { port: number }).port;
    kannel = await startKannel({ maxParts: 4 });
    gateway = createKannelGateway({
      sendsmsUrl: kannel.sendsmsUrl,
      username: kannel.username,
      password: kannel.password,
      maxParts: kannel.maxParts,
      concurrency: 4,
      reportUrl: `http://127.0.0.1:${port}/dlr`,
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await kannel?.dispose();
    reportServer?.close();
  });

  let n = 0;
  const number = () => `+35840${String(1000000 + ++n * 7919).slice(-7)}`;

  async function waitFor<T>(fn: () => T | undefined, what: string): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const v = fn();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** Sends one text and returns the parts the fake SMSC received for that recipient. */
  async function sendAndReceive(text: string) {
    const to = number();
    const [r] = await gateway.sendBatch([
      { key: `t:${to}`, orgId: null, from: "Viestikone", to, text },
    ]);
    expect(r).toMatchObject({ ok: true });
    const expected = smsLength(text).parts;
    // Wait until the SMSC has the parts we expect, then a moment longer for any extra part.
    await waitFor(
      () => (kannel.received().filter((x) => x.to === to).length >= expected ? true : undefined),
      to,
    );
    await new Promise((r) => setTimeout(r, 300));
    return { result: r!, parts: kannel.received().filter((x) => x.to === to) };
  }

  it("sends Finnish ä/ö as GSM-7 and an emoji as UCS-2", async () => {
    const fi = await sendAndReceive("Hyvää päivää, Öljymäki!");
    expect(fi.result).toMatchObject({ encoding: "gsm7", parts: 1 });
    expect(fi.parts).toHaveLength(1);
    expect(fi.parts[0]).toMatchObject({ type: "text", body: "Hyvää päivää, Öljymäki!" });

    const emoji = await sendAndReceive("Kiitos 😀");
    expect(emoji.result).toMatchObject({ encoding: "ucs2", parts: 1 });
    expect(emoji.parts[0]!.type).toBe("ucs-2");
  });

  it.each([
    ["GSM-7 160", "a".repeat(160)],
    ["GSM-7 161", "a".repeat(161)],
    ["GSM-7 306 (153×2)", "b".repeat(306)],
    ["GSM-7 307", "b".repeat(307)],
    ["GSM-7 with € (extension, 2 septets) 80×€", "€".repeat(80)],
    ["GSM-7 with € 81×€", "€".repeat(81)],
    ["UCS-2 70", "ж".repeat(70)],
    ["UCS-2 71", "ж".repeat(71)],
    ["UCS-2 134 (67×2)", "ж".repeat(134)],
    ["UCS-2 135", "ж".repeat(135)],
  ])("the part count we compute equals the parts Kannel produced: %s", async (_label, text) => {
    const { result, parts } = await sendAndReceive(text);
    expect(result.ok && result.parts).toBe(smsLength(text).parts);
    expect(parts).toHaveLength(smsLength(text).parts);
  });

  it("refuses a text longer than the allowed parts and an empty text; nothing reaches the SMSC", async () => {
    const to = number();
    const before = kannel.received().length;
    const results = await gateway.sendBatch([
      { key: "long", orgId: null, from: "Viestikone", to, text: "c".repeat(153 * 4 + 1) },
      { key: "empty", orgId: null, from: "Viestikone", to, text: "  " },
    ]);
    expect(results[0]).toMatchObject({ ok: false, permanent: true });
    expect(results[0]!.ok === false && results[0]!.error).toMatch(/5 parts, at most 4/);
    expect(results[1]).toMatchObject({ ok: false, permanent: true });
    await new Promise((r) => setTimeout(r, 500));
    expect(kannel.received().length).toBe(before);
  });

  it("delivery reports reach our URL with a token naming the message key", async () => {
    const { result } = await sendAndReceive("Raportti kiitos");
    expect(result.ok).toBe(true);
    const key = result.key;
    const types = await waitFor(() => {
      const mine = reports.filter((p) => verifyReportToken(p.get("t") ?? "") === key);
      const t = mine.map((p) => p.get("type"));
      return t.includes("1") ? t : undefined;
    }, "delivery report");
    expect(types).toContain("8"); // accepted by the SMSC
    expect(types).toContain("1"); // delivered
  });

  it("gives the message back as a transient failure while Kannel is down, then sends it once", async () => {
    await kannel.stop();
    const to = number();
    const msg = { key: `down:${to}`, orgId: null, from: "Viestikone", to, text: "Uudestaan" };
    const [down] = await gateway.sendBatch([msg]);
    expect(down).toMatchObject({ ok: false, permanent: false });
    await kannel.start();
    const [up] = await gateway.sendBatch([msg]);
    expect(up).toMatchObject({ ok: true });
    await waitFor(() => (kannel.received().some((x) => x.to === to) ? true : undefined), to);
    await new Promise((r) => setTimeout(r, 300));
    expect(kannel.received().filter((x) => x.to === to)).toHaveLength(1);
  });
});
