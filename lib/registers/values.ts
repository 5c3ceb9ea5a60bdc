import { normalizePhone } from "@/lib/sms/phone";

/** The column types of a register (R1). Built-in columns (e-mail, phone, names) are not here. */
export const COLUMN_TYPES = [
  "text",
  "number",
  "date",
  "boolean",
  "single_choice",
  "multi_choice",
  "email",
  "phone",
  "postal_code",
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** A stored value: text, number, ISO date "yyyy-mm-dd", boolean, choice list, or null. */
export type ColumnValue = string | number | boolean | string[] | null;

export type ValueColumn = { type: ColumnType; options?: string[] | null; required?: boolean };

export type ParseResult = { ok: true; value: ColumnValue } | { ok: false; error: string };

const TEXT_MAX = 2000;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TRUE_WORDS = new Set(["true", "1", "yes", "y", "kyllä", "k", "x", "on"]);
const FALSE_WORDS = new Set(["false", "0", "no", "n", "ei", "e", "off"]);

const fail = (key: string): ParseResult => ({ ok: false, error: `registers.values.${key}` });

/** Normalises an e-mail address (trimmed; the domain is lower-cased) or returns null. */
export function normalizeEmail(input: string): string | null {
  const s = input.trim();
  if (s.length > 254 || !EMAIL_RE.test(s)) return null;
  const at = s.lastIndexOf("@");
  return `${s.slice(0, at)}@${s.slice(at + 1).toLowerCase()}`;
}

/** A date as d.m.yyyy (Finnish) or yyyy-mm-dd (ISO) → "yyyy-mm-dd", or null if not a real date. */
const FI_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  const fi = FI_DATE.exec(s);
  if (fi) [d, m, y] = [Number(fi[1]), Number(fi[2]), Number(fi[3])];
  else {
    const iso = ISO_DATE.exec(s);
    if (!iso) return null;
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  }
  // Years before 100 were never accepted (Date.UTC maps them to 19xx).
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A number with a decimal point or a Finnish decimal comma; spaces as thousands separators. */
export function parseNumber(input: string): number | null {
  const s = input
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function asList(raw: string | string[] | null): string[] {
  if (raw === null) return [];
  const parts = Array.isArray(raw) ? raw : raw.split(/[;,|]/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Each options list's options by their Finnish lower case, built once per list (imports call
 * this a million times with the same list; lower-casing every option each time was most of it). */
const optionIndex = new WeakMap<string[], Map<string, string>>();

function matchOption(options: string[], v: string): string | undefined {
  let index = optionIndex.get(options);
  if (!index) {
    index = new Map();
    for (const o of options) {
      const k = o.toLocaleLowerCase("fi");
      if (!index.has(k)) index.set(k, o);
    }
    optionIndex.set(options, index);
  }
  return index.get(v.toLocaleLowerCase("fi"));
}

/**
 * Parses and validates one raw value (form field or import cell) against its column. Pure.
 * Empty input is null (or the error "registers.values.required" for a required column); other
 * errors are i18n keys under "registers.values." — callers prefix the column's label.
 */
export function parseValue(column: ValueColumn, raw: string | string[] | null): ParseResult {
  const list = column.type === "multi_choice" ? asList(raw) : null;
  const text = Array.isArray(raw) ? raw.join(",").trim() : (raw ?? "").trim();
  if (list ? list.length === 0 : text === "")
    return column.required ? fail("required") : { ok: true, value: null };
  const options = column.options ?? [];
  switch (column.type) {
    case "text":
      return text.length > TEXT_MAX ? fail("tooLong") : { ok: true, value: text };
    case "number": {
      const n = parseNumber(text);
      return n === null ? fail("number") : { ok: true, value: n };
    }
    case "date": {
      const d = parseDate(text);
      return d === null ? fail("date") : { ok: true, value: d };
    }
    case "boolean": {
      const w = text.toLocaleLowerCase("fi");
      if (TRUE_WORDS.has(w)) return { ok: true, value: true };
      if (FALSE_WORDS.has(w)) return { ok: true, value: false };
      return fail("boolean");
    }
    case "single_choice": {
      const o = matchOption(options, text);
      return o === undefined ? fail("choice") : { ok: true, value: o };
    }
    case "multi_choice": {
      const out: string[] = [];
      for (const v of list!) {
        const o = matchOption(options, v);
        if (o === undefined) return fail("choice");
        if (!out.includes(o)) out.push(o);
      }
      return { ok: true, value: out };
    }
    case "email": {
      const e = normalizeEmail(text);
      return e === null ? fail("email") : { ok: true, value: e };
    }
    case "phone": {
      const p = normalizePhone(text);
      return p === null ? fail("phone") : { ok: true, value: p };
    }
    case "postal_code":
      return /^\d{5}$/.test(text) ? { ok: true, value: text } : fail("postalCode");
  }
}
