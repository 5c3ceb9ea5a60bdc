import { AppError } from "@/lib/errors";
import { normalizeEmail, parseValue, type ColumnValue } from "@/lib/registers/values";
import { normalizePhone } from "@/lib/sms/phone";
import type { FormField } from "./register";

/** Submitted form fields, every name with all its values (multiple choice repeats a name). */
export type Fields = Record<string, string[]>;

/** FormData or URLSearchParams as Fields; files are ignored, values capped at 4,000 chars. */
export function fieldsOf(form: FormData | URLSearchParams): Fields {
  const out: Fields = {};
  let n = 0;
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string" || k.length > 100 || ++n > 500) continue;
    (out[k] ??= []).push(v.slice(0, 4000));
  }
  return out;
}

export const one = (f: Fields, name: string) => f[name]?.[0] ?? "";

export type ParsedFields = {
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  data: Record<string, ColumnValue>;
};

const bad = (fieldErrors: Record<string, string[]>) =>
  new AppError("BAD_REQUEST", { userMessage: "publicForms.errors.fix", fieldErrors });

/** The e-mail field, normalised, or BAD_REQUEST with a field error. */
export function parseEmailField(f: Fields): string {
  const raw = one(f, "email").trim();
  const email = raw ? normalizeEmail(raw) : null;
  if (!email) throw bad({ email: [raw ? "registers.values.email" : "registers.values.required"] });
  return email;
}

/**
 * Validates the submitted values of the given fields with each column's rules (`parseValue`);
 * all errors at once, keyed by field name. Built-in names are trimmed text; the phone is E.164.
 */
export function parseFormFields(fields: FormField[], f: Fields): ParsedFields {
  const errors: Record<string, string[]> = {};
  const out: ParsedFields = { email: null, phone: null, firstName: null, lastName: null, data: {} };
  for (const field of fields) {
    const values = f[field.name] ?? [];
    const raw = field.type === "multi_choice" ? values : (values[0] ?? "").trim();
    if (field.builtin) {
      const text = (raw as string).slice(0, 200);
      if (!text) {
        if (field.required) errors[field.name] = ["registers.values.required"];
        continue;
      }
      if (field.key === "email") {
        out.email = normalizeEmail(text);
        if (!out.email) errors.email = ["registers.values.email"];
      } else if (field.key === "phone") {
        out.phone = normalizePhone(text);
        if (!out.phone) errors.phone = ["registers.values.phone"];
      } else if (field.key === "firstName") out.firstName = text;
      else if (field.key === "lastName") out.lastName = text;
      continue;
    }
    const r = parseValue(field, raw);
    if (!r.ok) errors[field.name] = [r.error];
    else if (r.value !== null) out.data[field.key] = r.value;
  }
  if (Object.keys(errors).length > 0) throw bad(errors);
  return out;
}
