import type { ColumnType } from "@/lib/registers/values";
import type { MergeValue } from "./template";

/** The merge fields every register has, in the order the editor lists them. */
export const BUILTIN_FIELDS = ["first_name", "last_name", "email", "phone"] as const;

export type MergeField = { name: string; label: string | null; type: ColumnType | "builtin" };

type ColumnLike = { key: string; label: string; type: ColumnType };

/** The fields a message to this register can use: the built-ins, then its columns by key. */
export function mergeFields(columns: readonly ColumnLike[]): MergeField[] {
  return [
    ...BUILTIN_FIELDS.map((name) => ({ name, label: null, type: "builtin" as const })),
    ...columns.map((c) => ({ name: c.key, label: c.label, type: c.type })),
  ];
}

type ContactLike = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  data: Record<string, unknown>;
};

const fiNumber = new Intl.NumberFormat("fi-FI", { maximumFractionDigits: 6, useGrouping: false });

/**
 * One recipient's values as a template sees them: text as stored, dates as d.m.yyyy, numbers
 * with a decimal comma, multiple choices joined with ", ", booleans as true/false; a missing
 * value is nil, so `{% if city %}` is false and `default` applies (Liquid counts "" as true).
 * Only plain values: a template reaches nothing else.
 */
export function contactMergeValues(
  contact: ContactLike,
  columns: readonly ColumnLike[],
): Record<string, MergeValue> {
  const out: Record<string, MergeValue> = {
    first_name: contact.firstName || null,
    last_name: contact.lastName || null,
    email: contact.email || null,
    phone: contact.phone || null,
  };
  for (const c of columns) out[c.key] = displayValue(c.type, contact.data[c.key]);
  return out;
}

function displayValue(type: ColumnType, v: unknown): MergeValue {
  if (v === null || v === undefined || v === "") return null;
  if (Array.isArray(v)) return v.length ? v.map(String).join(", ") : null;
  if (type === "date" && typeof v === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    return m ? `${Number(m[3])}.${Number(m[2])}.${m[1]}` : v;
  }
  if (typeof v === "number") return Number.isInteger(v) ? v : fiNumber.format(v);
  if (typeof v === "boolean") return v;
  return String(v);
}
