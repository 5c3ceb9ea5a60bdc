import http from "node:http";
import https from "node:https";
import MailComposer from "nodemailer/lib/mail-composer";
import { smtpMessage } from "@/lib/email/smtp";
import type { OutgoingEmail } from "@/lib/email/transport";

/** One rspamd symbol that fired, as the pre-flight shows it. */
export type RspamdSymbol = { name: string; score: number; description: string; options: string[] };

export type RspamdResult =
  | {
      ok: true;
      score: number;
      requiredScore: number;
      action: string;
      /** Symbols with a non-zero score, highest first. */
      symbols: RspamdSymbol[];
    }
  | { ok: false; error: string };

/**
 * The full MIME message exactly as the SMTP transport would send it (same nodemailer options,
 * built by nodemailer's MailComposer into a buffer).
 */
export async function buildMime(m: OutgoingEmail): Promise<Buffer> {
  return new MailComposer(smtpMessage(m, "localhost")).compile().build();
}

type RawSymbol = { name?: string; score?: number; description?: string; options?: unknown[] };

/** Posts a raw message to rspamd's `/checkv2` (empty `Expect` header); never throws. */
export async function checkWithRspamd(
  baseUrl: string,
  mime: Buffer,
  timeoutMs = 10_000,
): Promise<RspamdResult> {
  let url: URL;
  try {
    url = new URL("checkv2", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  } catch {
    return { ok: false, error: "invalid SPAM_CHECK_URL" };
  }
  const lib = url.protocol === "https:" ? https : http;
  return new Promise<RspamdResult>((resolve) => {
    const req = lib.request(
      url,
      {
        method: "POST",
        // rspamd does not answer `Expect: 100-continue`; an empty Expect keeps clients from adding it.
        headers: { Expect: "", "Content-Length": mime.length, "Content-Type": "message/rfc822" },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (err) => resolve({ ok: false, error: err.message }));
        res.on("end", () => {
          if (res.statusCode !== 200)
            return resolve({ ok: false, error: `HTTP ${res.statusCode}` });
          try {
            resolve(parseRspamd(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
          } catch {
            resolve({ ok: false, error: "unreadable answer" });
          }
        });
      },
    );
    req.on("error", (err: Error & { code?: string }) =>
      resolve({ ok: false, error: err.code ?? err.message }),
    );
    req.end(mime);
  });
}

function parseRspamd(body: {
  score?: number;
  required_score?: number;
  action?: string;
  symbols?: Record<string, RawSymbol>;
}): RspamdResult {
  if (typeof body.score !== "number") return { ok: false, error: "unreadable answer" };
  const symbols = Object.entries(body.symbols ?? {})
    .map(([name, s]) => ({
      name: s.name ?? name,
      score: Number(s.score ?? 0),
      description: s.description ?? "",
      options: (s.options ?? []).map(String).slice(0, 5),
    }))
    .filter((s) => s.score !== 0)
    .sort((a, b) => b.score - a.score);
  return {
    ok: true,
    score: body.score,
    requiredScore: Number(body.required_score ?? 0),
    action: body.action ?? "",
    symbols,
  };
}
