import type { Contact } from "./contacts";

/** A stored contact as form text (numbers with a decimal comma, dates as d.m.yyyy). */
export function contactFormValues(c: Contact): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {
    email: c.email ?? "",
    phone: c.phone ?? "",
    firstName: c.firstName,
    lastName: c.lastName,
  };
  for (const [k, v] of Object.entries(c.data)) out[`c_${k}`] = formatValue(v);
  return out;
}

/** One stored value as text for forms and the contact page. */
export function formatValue(v: unknown): string | string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "number") return String(v).replace(".", ",");
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const [y, m, d] = v.split("-");
    return `${Number(d)}.${Number(m)}.${y}`;
  }
  return v == null ? "" : String(v);
}
