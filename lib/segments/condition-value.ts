import { AppError } from "@/lib/errors";
import { parseDate, parseNumber } from "@/lib/registers/values";
import type { ResolvedField, ValueKind } from "./fields";
import { STATUSES } from "./kinds";

const bad = (field: string) =>
  new AppError("BAD_REQUEST", {
    message: `bad value for segment field ${field}`,
    userMessage: `segments.errors.badValue|field=${field}`,
  });

const MAX_TEXT = 500;
const MAX_LIST = 100;

function asText(v: unknown, field: string): string {
  const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
  if (!s || s.length > MAX_TEXT) throw bad(field);
  return s;
}
function asList(v: unknown, field: string): string[] {
  const raw = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[,;\n]/) : [];
  const out = [...new Set(raw.map((x) => (typeof x === "string" ? x.trim() : "")).filter(Boolean))];
  if (out.length === 0 || out.length > MAX_LIST || out.some((x) => x.length > MAX_TEXT))
    throw bad(field);
  return out;
}
function asNumber(v: unknown, field: string): number {
  const n = typeof v === "number" ? v : typeof v === "string" ? parseNumber(v) : null;
  if (n === null || !Number.isFinite(n)) throw bad(field);
  return n;
}
const canonical = (options: string[] | undefined, v: string) =>
  options?.find((o) => o.toLocaleLowerCase("fi") === v.toLocaleLowerCase("fi")) ?? v;

/** Checks and normalises a condition's value for its operator (BAD_REQUEST naming the field). */
export function parseConditionValue(kind: ValueKind, v: unknown, f: ResolvedField): unknown {
  const name = f.builtIn ? f.field : f.label;
  switch (kind) {
    case "none":
      return null;
    case "text":
      return asText(v, name);
    case "textList":
      return asList(v, name);
    case "number":
      return asNumber(v, name);
    case "numberRange": {
      if (!Array.isArray(v) || v.length !== 2) throw bad(name);
      const [a, b] = [asNumber(v[0], name), asNumber(v[1], name)];
      return a <= b ? [a, b] : [b, a];
    }
    case "date": {
      const d = typeof v === "string" ? parseDate(v) : null;
      if (!d) throw bad(name);
      return d;
    }
    case "days": {
      const n = asNumber(v, name);
      if (!Number.isInteger(n) || n < 0 || n > 36500) throw bad(name);
      return n;
    }
    case "option":
      return canonical(f.options, asText(v, name));
    case "optionList":
      return asList(v, name).map((x) => canonical(f.options, x));
    case "status": {
      const s = asText(v, name);
      if (!(STATUSES as readonly string[]).includes(s)) throw bad(name);
      return s;
    }
    case "statusList": {
      const l = asList(v, name);
      if (l.some((s) => !(STATUSES as readonly string[]).includes(s))) throw bad(name);
      return l;
    }
  }
}
