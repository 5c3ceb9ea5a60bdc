import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * The token in a Kannel `dlr-url`: our message key (base64url) and an HMAC over it, so a
 * delivery report can only be about a message we sent. URL-safe characters only, because
 * Kannel expands `%` escapes in the URL.
 */
const mac = (key: string) =>
  createHmac("sha256", authSecret()).update(`sms-dlr:${key}`).digest("base64url").slice(0, 22);

/** Signs a message key for its delivery-report URL. */
export function signReportToken(key: string): string {
  return `${Buffer.from(key, "utf8").toString("base64url")}.${mac(key)}`;
}

/** The message key of a genuine token; null for anything forged or malformed. */
export function verifyReportToken(token: string): string | null {
  const m = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m) return null;
  const key = Buffer.from(m[1]!, "base64url").toString("utf8");
  const a = Buffer.from(m[2]!);
  const b = Buffer.from(mac(key));
  return a.length === b.length && timingSafeEqual(a, b) ? key : null;
}
