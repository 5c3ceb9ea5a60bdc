import { createHash } from "node:crypto";
import { normalizeEmail } from "@/lib/registers/values";
import { normalizePhone } from "@/lib/sms/phone";

export type Channel = "email" | "sms";

/** The normalised form an address is suppressed under: lower-case e-mail or E.164 phone. */
export function normalizeAddress(channel: Channel, value: string): string | null {
  if (channel === "sms") return normalizePhone(value);
  // The whole address in lower case: "Matti@X.fi" and "matti@x.fi" are one suppression.
  return normalizeEmail(value)?.toLowerCase() ?? null;
}

/**
 * SHA-256 (hex) of a normalised address. Suppressions are looked up by this hash, so an erased
 * person (R11) stays suppressed without the address being kept.
 */
export function addressHash(channel: Channel, normalized: string): string {
  return createHash("sha256").update(`${channel}:${normalized}`).digest("hex");
}
