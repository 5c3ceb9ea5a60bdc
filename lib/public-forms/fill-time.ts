import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

/** Submissions faster than this after the form appeared are treated as bots. */
export const MIN_FILL_MS = 3000;
/** A hosted form's stamp older than this is stale (reload the page). */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const sign = (ms: number) =>
  createHmac("sha256", authSecret()).update(`fill:${ms}`).digest("base64url").slice(0, 22);

/**
 * The value of the hidden `t` field on a hosted form: `s<ms>.<hmac>`, the server time the page
 * was rendered, signed so it cannot be back-dated.
 */
export function signedFillStamp(now = new Date()): string {
  const ms = now.getTime();
  return `s${ms}.${sign(ms)}`;
}

/**
 * Checks the `t` field: hosted forms send the signed render time; the copy-paste form code sends
 * `e<ms>`, the milliseconds its inline script measured between page load and submit (client
 * clocks are unreliable, elapsed time is not). No JavaScript means no value, refused like a bot.
 */
export function checkFillTime(value: string | undefined, now = new Date()): "ok" | "tooFast" {
  const v = (value ?? "").trim();
  const elapsed = /^e(\d{1,12})$/.exec(v);
  if (elapsed) return Number(elapsed[1]) >= MIN_FILL_MS ? "ok" : "tooFast";
  const signed = /^s(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(v);
  if (!signed) return "tooFast";
  const ms = Number(signed[1]);
  const a = Buffer.from(signed[2]!);
  const b = Buffer.from(sign(ms));
  if (a.length !== b.length || !timingSafeEqual(a, b)) return "tooFast";
  const age = now.getTime() - ms;
  return age >= MIN_FILL_MS && age <= MAX_AGE_MS ? "ok" : "tooFast";
}
