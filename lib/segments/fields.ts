import { sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ColumnType } from "@/lib/registers/values";
import { parseDate, parseNumber } from "@/lib/registers/values";
import { normalizePhone } from "@/lib/sms/phone";

/**
 * The field-kind registry of the segment compiler. A *field source* turns a field name of a
 * filter condition into a resolved field: its *kind* (which operators it has, what value each
 * takes, and how each becomes SQL) and the kind's target (a column expression, a data key).
 * The compiler core (`compile.ts`) only walks the tree and dispatches here, so a later issue adds
 * engagement filters ("opened campaign X") by calling `registerFieldSource` with a new kind,
 * without touching the core. Every value reaches SQL as a bound parameter.
 */

/** What an operator's value is; the builder picks its input from this, the compiler parses it. */
export type ValueKind =
  | "none"
  | "text"
  | "textList"
  | "number"
  | "numberRange"
  | "date"
  | "days"
  | "option"
  | "optionList"
  | "status"
  | "statusList";

export type OperatorDef<T> = {
  value: ValueKind;
  build: (target: T, value: never) => SQL;
};

export type FieldKind<T = unknown> = {
  id: string;
  operators: Record<string, OperatorDef<T>>;
};

export type ResolvedField = {
  field: string;
  /** The column's label (custom columns) or an i18n key under "segments.fields." (built-ins). */
  label: string;
  builtIn: boolean;
  kind: FieldKind<never>;
  target: unknown;
  options?: string[];
};

export type SegmentColumn = { key: string; label: string; type: ColumnType; options: string[] };

export type FieldSource = {
  /** Every field this source offers for a register (for the builder). */
  list: (columns: SegmentColumn[]) => ResolvedField[];
  /** The field of a condition, or undefined when this source does not know it. */
  resolve: (field: string, columns: SegmentColumn[]) => ResolvedField | undefined;
};

export const STATUSES = ["none", "pending", "subscribed", "unsubscribed"] as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const orOf = (parts: SQL[]) => sql`(${sql.join(parts, sql` or `)})`;
const dataAt = (key: string) => sql`(${contacts.data}->${key}::text)`;
const dataText = (key: string) => sql`(${contacts.data}->>${key}::text)`;

type TextTarget = { expr: SQL; phone?: boolean };

/** Phone values are stored in E.164; "040 123 4567" finds "+358401234567". */
function phoneValue(v: string, prefix = false): string {
  const digits = v.replace(/[\s\-()]/g, "");
  if (prefix) return digits.replace(/^0/, "+358");
  return normalizePhone(digits) ?? digits;
}

const textKind: FieldKind<TextTarget> = {
  id: "text",
  operators: {
    equals: {
      value: "text",
      build: (t, v: string) =>
        t.phone
          ? sql`${t.expr} = ${phoneValue(v)}`
          : sql`lower(${t.expr}) = ${v.toLocaleLowerCase("fi")}`,
    },
    not_equals: {
      value: "text",
      build: (t, v: string) =>
        t.phone
          ? sql`${t.expr} is distinct from ${phoneValue(v)}`
          : sql`lower(${t.expr}) is distinct from ${v.toLocaleLowerCase("fi")}`,
    },
    contains: {
      value: "text",
      build: (t, v: string) =>
        sql`lower(${t.expr}) like ${`%${escapeLike((t.phone ? phoneValue(v, true).replace(/^\+358/, "") : v).toLocaleLowerCase("fi"))}%`}`,
    },
    starts_with: {
      value: "text",
      build: (t, v: string) =>
        sql`lower(${t.expr}) like ${`${escapeLike((t.phone ? phoneValue(v, true) : v).toLocaleLowerCase("fi"))}%`}`,
    },
    in: {
      value: "textList",
      build: (t, v: string[]) =>
        t.phone
          ? sql`${t.expr} in (${sql.join(
              v.map((x) => sql`${phoneValue(x)}`),
              sql`, `,
            )})`
          : sql`lower(${t.expr}) in (${sql.join(
              v.map((x) => sql`${x.toLocaleLowerCase("fi")}`),
              sql`, `,
            )})`,
    },
    empty: { value: "none", build: (t) => sql`coalesce(${t.expr}, '') = ''` },
    not_empty: { value: "none", build: (t) => sql`coalesce(${t.expr}, '') <> ''` },
  },
};

// A stored value that is not a JSON number (hand-edited, or left by a type change) is no value:
// CASE keeps the cast from ever seeing it, so a malformed value cannot make the query fail.
const numberExpr = (key: string) =>
  sql`(case when jsonb_typeof(${dataAt(key)}) = 'number' then ${dataText(key)}::numeric end)`;

const numberKind: FieldKind<{ key: string }> = {
  id: "number",
  operators: {
    eq: { value: "number", build: (t, v: number) => sql`${numberExpr(t.key)} = ${v}::numeric` },
    gt: { value: "number", build: (t, v: number) => sql`${numberExpr(t.key)} > ${v}::numeric` },
    lt: { value: "number", build: (t, v: number) => sql`${numberExpr(t.key)} < ${v}::numeric` },
    between: {
      value: "numberRange",
      build: (t, [a, b]: [number, number]) =>
        sql`${numberExpr(t.key)} between ${a}::numeric and ${b}::numeric`,
    },
    empty: { value: "none", build: (t) => sql`${numberExpr(t.key)} is null` },
    not_empty: { value: "none", build: (t) => sql`${numberExpr(t.key)} is not null` },
  },
};

// Dates are stored as "yyyy-mm-dd" text, which sorts like the date, so comparisons are on text
// against bounds computed here (Helsinki calendar days): no cast that a malformed stored value
// could break, and no per-row date arithmetic. empty/not_empty check the shape.
const DATE_SHAPE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const validDate = (key: string) => sql`coalesce(${dataText(key)} ~ ${DATE_SHAPE}, false)`;

/** Today's date in Helsinki minus `n` days, as "yyyy-mm-dd". */
export function helsinkiDaysAgo(n: number, now = new Date()): string {
  const today = now.toLocaleDateString("sv-SE", { timeZone: "Europe/Helsinki" });
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

const dateKind: FieldKind<{ key: string }> = {
  id: "date",
  operators: {
    on: { value: "date", build: (t, v: string) => sql`${dataText(t.key)} = ${v}` },
    before: {
      value: "date",
      build: (t, v: string) => sql`(${dataText(t.key)} < ${v} and ${validDate(t.key)})`,
    },
    after: {
      value: "date",
      build: (t, v: string) => sql`(${dataText(t.key)} > ${v} and ${validDate(t.key)})`,
    },
    within_last_days: {
      value: "days",
      build: (t, n: number) =>
        sql`${dataText(t.key)} between ${helsinkiDaysAgo(n)} and ${helsinkiDaysAgo(0)}`,
    },
    empty: { value: "none", build: (t) => sql`not ${validDate(t.key)}` },
    not_empty: { value: "none", build: (t) => validDate(t.key) },
  },
};

/** Start of a Helsinki calendar day (given as yyyy-mm-dd, plus `plus` days) as a timestamptz. */
const dayStart = (d: SQL, plus = 0) =>
  sql`((${d})::date + ${plus}::int)::timestamp at time zone 'Europe/Helsinki'`;

const timestampKind: FieldKind<{ expr: SQL }> = {
  id: "timestamp",
  operators: {
    on: {
      value: "date",
      build: (t, v: string) =>
        sql`(${t.expr} >= ${dayStart(sql`${v}`)} and ${t.expr} < ${dayStart(sql`${v}`, 1)})`,
    },
    before: { value: "date", build: (t, v: string) => sql`${t.expr} < ${dayStart(sql`${v}`)}` },
    after: {
      value: "date",
      build: (t, v: string) => sql`${t.expr} >= ${dayStart(sql`${v}`, 1)}`,
    },
    within_last_days: {
      value: "days",
      build: (t, n: number) => sql`${t.expr} >= ${dayStart(sql`${helsinkiDaysAgo(n)}`)}`,
    },
  },
};

// Plain ->>/jsonb_exists tests rather than containment (`@>`): at 1,000,000 contacts the GIN
// index (jsonb_path_ops) returns the common values' long posting lists slower than a scan
// evaluates these (docs/BENCHMARKS.md, segment), and they cost the same as hand-written SQL.
const booleanKind: FieldKind<{ key: string }> = {
  id: "boolean",
  operators: {
    is_true: { value: "none", build: (t) => sql`${dataAt(t.key)} = 'true'::jsonb` },
    is_false: { value: "none", build: (t) => sql`${dataAt(t.key)} = 'false'::jsonb` },
    empty: {
      value: "none",
      build: (t) => sql`coalesce(jsonb_typeof(${dataAt(t.key)}), '') <> 'boolean'`,
    },
  },
};

const singleChoiceKind: FieldKind<{ key: string }> = {
  id: "single_choice",
  operators: {
    equals: { value: "option", build: (t, v: string) => sql`${dataText(t.key)} = ${v}` },
    in: {
      value: "optionList",
      build: (t, v: string[]) =>
        sql`${dataText(t.key)} in (${sql.join(
          v.map((o) => sql`${o}`),
          sql`, `,
        )})`,
    },
    empty: { value: "none", build: (t) => sql`coalesce(${dataText(t.key)}, '') = ''` },
    not_empty: { value: "none", build: (t) => sql`coalesce(${dataText(t.key)}, '') <> ''` },
  },
};

// jsonb_exists(x, v) is the `?` operator (true when the array x holds the string v), written as
// a function so no driver can mistake `?` for a placeholder.
const has = (key: string, v: string) => sql`jsonb_exists(${dataAt(key)}, ${v}::text)`;

const nonEmptyArray = (key: string) =>
  sql`(case when jsonb_typeof(${dataAt(key)}) = 'array' then jsonb_array_length(${dataAt(key)}) > 0 else false end)`;

const multiChoiceKind: FieldKind<{ key: string }> = {
  id: "multi_choice",
  operators: {
    contains_any: {
      value: "optionList",
      build: (t, v: string[]) => orOf(v.map((o) => has(t.key, o))),
    },
    contains_all: {
      value: "optionList",
      build: (t, v: string[]) =>
        sql`(${sql.join(
          v.map((o) => has(t.key, o)),
          sql` and `,
        )})`,
    },
    empty: { value: "none", build: (t) => sql`not ${nonEmptyArray(t.key)}` },
    not_empty: { value: "none", build: (t) => nonEmptyArray(t.key) },
  },
};

const statusKind: FieldKind<{ expr: SQL }> = {
  id: "status",
  operators: {
    is: { value: "status", build: (t, v: string) => sql`${t.expr}::text = ${v}` },
    in: {
      value: "statusList",
      build: (t, v: string[]) =>
        sql`${t.expr}::text in (${sql.join(
          v.map((x) => sql`${x}`),
          sql`, `,
        )})`,
    },
  },
};

/** The kind of each custom column type. */
export const COLUMN_KINDS: Record<ColumnType, FieldKind<never>> = {
  text: textKind as FieldKind<never>,
  email: textKind as FieldKind<never>,
  phone: textKind as FieldKind<never>,
  postal_code: textKind as FieldKind<never>,
  number: numberKind as FieldKind<never>,
  date: dateKind as FieldKind<never>,
  boolean: booleanKind as FieldKind<never>,
  single_choice: singleChoiceKind as FieldKind<never>,
  multi_choice: multiChoiceKind as FieldKind<never>,
};

const BUILT_INS: ResolvedField[] = [
  ["email", textKind, { expr: sql`${contacts.email}` }],
  ["phone", textKind, { expr: sql`${contacts.phone}`, phone: true }],
  ["firstName", textKind, { expr: sql`${contacts.firstName}` }],
  ["lastName", textKind, { expr: sql`${contacts.lastName}` }],
  ["createdAt", timestampKind, { expr: sql`${contacts.createdAt}` }],
  ["emailStatus", statusKind, { expr: sql`${contacts.emailStatus}` }],
  ["smsStatus", statusKind, { expr: sql`${contacts.smsStatus}` }],
].map(([field, kind, target]) => ({
  field: field as string,
  label: `segments.fields.${field as string}`,
  builtIn: true,
  kind: kind as FieldKind<never>,
  target,
  options: (kind as FieldKind).id === "status" ? [...STATUSES] : undefined,
}));

function columnField(c: SegmentColumn): ResolvedField {
  return {
    field: c.key,
    label: c.label,
    builtIn: false,
    kind: COLUMN_KINDS[c.type],
    target:
      c.type === "phone"
        ? { expr: dataText(c.key), phone: true }
        : c.type === "text" || c.type === "email" || c.type === "postal_code"
          ? { expr: dataText(c.key) }
          : { key: c.key },
    options: c.type === "single_choice" || c.type === "multi_choice" ? c.options : undefined,
  };
}

const builtInSource: FieldSource = {
  list: () => BUILT_INS,
  resolve: (field) => BUILT_INS.find((f) => f.field === field),
};

const columnSource: FieldSource = {
  list: (columns) => columns.map(columnField),
  resolve: (field, columns) => {
    const c = columns.find((x) => x.key === field);
    return c ? columnField(c) : undefined;
  },
};

const sources: FieldSource[] = [builtInSource, columnSource];

/** Adds a source of fields (e.g. campaign engagement) to every compiler and builder. */
export function registerFieldSource(source: FieldSource) {
  if (!sources.includes(source)) sources.push(source);
}

/** The field of a condition, or a BAD_REQUEST naming it. */
export function resolveField(field: string, columns: SegmentColumn[]): ResolvedField {
  for (const s of sources) {
    const f = s.resolve(field, columns);
    if (f) return f;
  }
  throw new AppError("BAD_REQUEST", {
    message: `unknown segment field ${field}`,
    userMessage: `segments.errors.unknownField|field=${field}`,
  });
}

/** Every field of a register with its operators, as plain data for the filter builder. */
export function describeFields(columns: SegmentColumn[]) {
  return sources
    .flatMap((s) => s.list(columns))
    .map((f) => ({
      field: f.field,
      label: f.label,
      builtIn: f.builtIn,
      kind: f.kind.id,
      options: f.options ?? null,
      operators: Object.entries(f.kind.operators).map(([id, o]) => ({ id, value: o.value })),
    }));
}
export type FieldDescription = ReturnType<typeof describeFields>[number];

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
