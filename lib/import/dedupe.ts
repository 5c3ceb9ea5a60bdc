import { normalizePhone } from "@/lib/sms/phone";
import type { RejectReason } from "./report";

export type DedupeField = "email" | "phone";

export type DedupeRow = { rowNumber: number; email?: string | null; phone?: string | null };

export type Duplicate = { duplicateOfRow: number; field: DedupeField };

export type Deduper = {
  /** The earlier row this one repeats, or null (then the row is remembered). */
  check(row: DedupeRow): Duplicate | null;
  /** How many distinct values are remembered (for tests and progress). */
  readonly size: number;
};

/** The comparable form of a value: lower-cased e-mail, E.164 phone; null when empty/invalid. */
export function dedupeKey(field: DedupeField, value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  return field === "email" ? v.toLowerCase() : normalizePhone(v);
}

/**
 * An in-file deduplicator: a row is a duplicate when its e-mail (case-insensitive) or phone (any
 * Finnish format of the same number) was on an earlier row. Memory is one Map entry per distinct
 * normalised value (measured about 140 MB of heap for 1,000,000 rows with e-mail and phone).
 * Values that are empty or not a valid phone number are not compared; validation rejects them.
 */
export function createDeduper(opts: {
  on: DedupeField[];
  /** The rows carry validated values (phone already E.164): skip normalising the phone again. */
  normalized?: boolean;
}): Deduper {
  const keyOf = opts.normalized
    ? (field: DedupeField, v: string | null | undefined) =>
        v ? (field === "email" ? v.toLowerCase() : v) : null
    : dedupeKey;
  // Arrays, not a Map of Maps, and no per-row allocation: this runs once per imported row.
  const fields = [...new Set(opts.on)];
  const seen = fields.map(() => new Map<string, number>());
  const keys: (string | null)[] = fields.map(() => null);
  return {
    check(row) {
      for (let i = 0; i < fields.length; i++) {
        const key = keyOf(fields[i]!, row[fields[i]!]);
        keys[i] = key;
        if (key === null) continue;
        const earlier = seen[i]!.get(key);
        if (earlier !== undefined) return { duplicateOfRow: earlier, field: fields[i]! };
      }
      for (let i = 0; i < fields.length; i++) {
        const key = keys[i];
        if (key !== null && key !== undefined) seen[i]!.set(key, row.rowNumber);
      }
      return null;
    },
    get size() {
      let n = 0;
      for (const map of seen) n += map.size;
      return n;
    },
  };
}

/** The report reason for an in-file duplicate. */
export function duplicateReason(dup: Duplicate): RejectReason {
  const key = dup.field === "email" ? "DUPLICATE_EMAIL_IN_FILE" : "DUPLICATE_PHONE_IN_FILE";
  return { key: `import.reasons.${key}`, params: { row: dup.duplicateOfRow } };
}
