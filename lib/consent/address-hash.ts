import { createHash } from "node:crypto";
import { normalizeEmail } from "@/lib/registers/values";
import { normalizePhone } from "@/lib/sms/phone";

export type Channel = "email" | "sms";

/** The normalised form an address is suppressed under: lower-case e-mail or E.164 phone. */
export function normalizeAddress(channel: Channel, value: string): string | null {
  // The whole address is lower-cased: contacts are unique by lower(email), so a suppression must
  // not be dodged by "Maija@" vs "maija@".
  return channel === "email"
    ? (normalizeEmail(value)?.toLowerCase() ?? null)
    : normalizePhone(value);
}

/**
 * SHA-256 (hex) of a normalised address. Suppressions are looked up by this hash, so an erased
 * person (R11) stays suppressed without the address being kept.
 */
export function addressHash(channel: Channel, normalized: string): string {
  // E-mail addresses are compared case-insensitively everywhere (as the contacts' unique index).
  const v = channel === "email" ? normalized.toLowerCase() : normalized;
  return createHash("sha256").update(`${channel}:${v}`).digest("hex");
}
