import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret, env } from "@/lib/env";

/**
 * Signed per-recipient tokens for tracking and unsubscribe links (E9, E10; ARCHITECTURE §5).
 * A token names a delivery (and for clicks a link index of that campaign's message); the HMAC
 * binds the purpose, so an open token cannot be replayed as an unsubscribe. Compared in
 * constant time. Tokens never expire: a message read a year later must still unsubscribe.
 *
 * Shape: `<purpose char><delivery id base36>[.<link idx base36>].<22-char HMAC>`.
 */
export type TokenPurpose = "open" | "click" | "unsubscribe";

const PREFIX: Record<TokenPurpose, string> = { open: "o", click: "c", unsubscribe: "u" };

function mac(body: string): string {
  return createHmac("sha256", authSecret())
    .update(`track:${body}`)
    .digest("base64url")
    .slice(0, 22);
}

/** Signs a token for one delivery (and one link index when `purpose` is "click"). */
export function signToken(purpose: TokenPurpose, deliveryId: number, linkIdx?: number): string {
  let body = PREFIX[purpose] + deliveryId.toString(36);
  if (purpose === "click") body += "." + (linkIdx ?? 0).toString(36);
  return `${body}.${mac(body)}`;
}

export type VerifiedToken = { purpose: TokenPurpose; deliveryId: number; linkIdx: number | null };

/** Verifies a token for the expected purpose; null for anything forged, altered or malformed. */
export function verifyToken(purpose: TokenPurpose, token: string): VerifiedToken | null {
  if (token.length > 80) return null;
  const m = /^([ocu])([0-9a-z]{1,13})(?:\.([0-9a-z]{1,6}))?\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!m || m[1] !== PREFIX[purpose]) return null;
  if ((purpose === "click") !== (m[3] !== undefined)) return null;
  const body = token.slice(0, token.length - 23);
  const a = Buffer.from(m[4]!);
  const b = Buffer.from(mac(body));
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const deliveryId = parseInt(m[2]!, 36);
  if (!Number.isSafeInteger(deliveryId) || deliveryId <= 0) return null;
  return { purpose, deliveryId, linkIdx: m[3] === undefined ? null : parseInt(m[3], 36) };
}

/** The public URLs one recipient's message carries (filled into the rendered sentinels). */
export type RecipientUrls = {
  open: string;
  click: (linkIdx: number) => string;
  /** The one-click (POST) and confirm-page (GET) unsubscribe URL. */
  unsubscribe: string;
  unsubscribeMailto: string;
};

/** Builds a delivery's tracking and unsubscribe URLs under APP_URL. */
export function recipientUrls(deliveryId: number, baseUrl = env().APP_URL): RecipientUrls {
  const base = baseUrl.replace(/\/+$/, "");
  const host = new URL(base).hostname;
  const unsubscribe = signToken("unsubscribe", deliveryId);
  return {
    open: `${base}/t/o/${signToken("open", deliveryId)}`,
    click: (i) => `${base}/t/c/${signToken("click", deliveryId, i)}`,
    unsubscribe: `${base}/u/${unsubscribe}`,
    unsubscribeMailto: `mailto:unsubscribe@${host}?subject=unsubscribe%20${unsubscribe}`,
  };
}
