import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { buildMime, checkWithRspamd } from "./rspamd";

/**
 * Against the real rspamd (scripts/rspamd-start.sh) when SPAM_CHECK_URL is set. CI exports it;
 * a CI run without it fails here rather than skipping the check silently.
 */
const url = process.env.SPAM_CHECK_URL;
if (process.env.CI && !url)
  throw new Error("SPAM_CHECK_URL must be set in CI (scripts/rspamd-start.sh)");

const message = (subject: string, html: string) => ({
  key: "preflight-test-1",
  orgId: null,
  from: '"Kyläyhdistys" <uutiset@kylayhdistys.fi>',
  to: "maija@example.fi",
  subject,
  text: html.replace(/<[^>]+>/g, " "),
  html,
});

describe("rspamd client", () => {
  it("builds the MIME message as the SMTP transport would (multipart/alternative, our Message-ID)", async () => {
    const mime = (
      await buildMime(message("Syysjuhla", "<p>Tervetuloa syysjuhlaan!</p>"))
    ).toString();
    expect(mime).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(mime).toMatch(/^Message-ID: <preflight-test-1@kylayhdistys\.fi>/m);
    expect(mime).toMatch(/^Subject: Syysjuhla/m);
  });

  it("an unreachable rspamd is a result, not a crash", async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, "127.0.0.1", r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const r = await checkWithRspamd(`http://127.0.0.1:${port}`, Buffer.from("x"));
    expect(r).toEqual({ ok: false, error: "ECONNREFUSED" });
  });

  it.runIf(url)(
    "scores a shouty message higher than a calm one, with described symbols",
    async () => {
      const calm = await checkWithRspamd(
        url!,
        await buildMime(
          message(
            "Syysjuhla lauantaina",
            `<p>${"Tervetuloa kylätalolle syysjuhlaan lauantaina. ".repeat(8)}</p>`,
          ),
        ),
      );
      const shouty = await checkWithRspamd(
        url!,
        await buildMime(
          message("ILMAINEN LAHJA VOITTAJALLE!!!", '<p><a href="https://bit.ly/x">KLIKKAA</a></p>'),
        ),
      );
      expect(calm.ok && shouty.ok).toBe(true);
      if (!calm.ok || !shouty.ok) return;
      expect(shouty.requiredScore).toBeGreaterThan(0);
      expect(shouty.score).toBeGreaterThan(calm.score);
      const caps = shouty.symbols.find((s) => s.name === "SUBJ_ALL_CAPS");
      expect(caps?.description).toMatch(/capital/i);
    },
  );
});
