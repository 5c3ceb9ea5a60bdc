import { sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import type { ColumnType } from "@/lib/registers/values";
import { normalizePhone } from "@/lib/sms/phone";
import type { FieldKind } from "./fields";

/**
 * The field kinds of the segment compiler: for each, its operators, what value each takes and
 * the SQL it becomes. Every value reaches SQL as a bound parameter.
 */

export const STATUSES = ["none", "pending", "subscribed", "unsubscribed"] as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const orOf = (parts: SQL[]) => sql`(${sql.join(parts, sql` or `)})`;
const dataAt = (key: string) => sql`(${contacts.data}->${key}::text)`;
export const dataText = (key: string) => sql`(${contacts.data}->>${key}::text)`;

type TextTarget = { expr: SQL; phone?: boolean };

/** Phone values are stored in E.164; "040 123 4567" finds "+358401234567". */
function phoneValue(v: string, prefix = false): string {
  const digits = v.replace(/[\s\-()]/g, "");
  if (prefix) return digits.replace(/^0/, "+358");
  return normalizePhone(digits) ?? digits;
}

export const textKind: FieldKind<TextTarget> = {
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
export const numberExpr = (key: string) =>
  sql`(case when jsonb_typeof(${dataAt(key)}) = 'number' then ${dataText(key)}::numeric end)`;

/** A number column: `num` is its value as numeric, null when it has none. */
export type NumberTarget = { num: SQL };

const numberKind: FieldKind<NumberTarget> = {
  id: "number",
  operators: {
    eq: { value: "number", build: (t, v: number) => sql`${t.num} = ${v}::numeric` },
    gt: { value: "number", build: (t, v: number) => sql`${t.num} > ${v}::numeric` },
    lt: { value: "number", build: (t, v: number) => sql`${t.num} < ${v}::numeric` },
    between: {
      value: "numberRange",
      build: (t, [a, b]: [number, number]) => sql`${t.num} between ${a}::numeric and ${b}::numeric`,
    },
    empty: { value: "none", build: (t) => sql`${t.num} is null` },
    not_empty: { value: "none", build: (t) => sql`${t.num} is not null` },
  },
};

// Dates are stored as "yyyy-mm-dd" text, which sorts like the date, so comparisons are on text
// against bounds computed here (Helsinki calendar days): no cast that a malformed stored value
// could break, and no per-row date arithmetic. empty/not_empty check the shape.
const DATE_SHAPE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
export const validDate = (key: string) => sql`coalesce(${dataText(key)} ~ ${DATE_SHAPE}, false)`;

/** A date column: `text` is its "yyyy-mm-dd" text, `valid` whether it has that shape. */
export type DateTarget = { text: SQL; valid: SQL };

/** Today's date in Helsinki minus `n` days, as "yyyy-mm-dd". */
export function helsinkiDaysAgo(n: number, now = new Date()): string {
  const today = now.toLocaleDateString("sv-SE", { timeZone: "Europe/Helsinki" });
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

const dateKind: FieldKind<DateTarget> = {
  id: "date",
  operators: {
    on: { value: "date", build: (t, v: string) => sql`${t.text} = ${v}` },
    before: {
      value: "date",
      build: (t, v: string) => sql`(${t.text} < ${v} and ${t.valid})`,
    },
    after: {
      value: "date",
      build: (t, v: string) => sql`(${t.text} > ${v} and ${t.valid})`,
    },
    within_last_days: {
      value: "days",
      build: (t, n: number) =>
        sql`${t.text} between ${helsinkiDaysAgo(n)} and ${helsinkiDaysAgo(0)}`,
    },
    empty: { value: "none", build: (t) => sql`not ${t.valid}` },
    not_empty: { value: "none", build: (t) => t.valid },
  },
};

/** Start of a Helsinki calendar day (given as yyyy-mm-dd, plus `plus` days) as a timestamptz. */
const dayStart = (d: SQL, plus = 0) =>
  sql`((${d})::date + ${plus}::int)::timestamp at time zone 'Europe/Helsinki'`;

export const timestampKind: FieldKind<{ expr: SQL }> = {
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

/** A boolean column: `bool` is its value, null when it has none. */
export type BooleanTarget = { bool: SQL };
export const booleanExpr = (key: string) =>
  sql`(case when jsonb_typeof(${dataAt(key)}) = 'boolean' then (${dataAt(key)})::boolean end)`;

const booleanKind: FieldKind<BooleanTarget> = {
  id: "boolean",
  operators: {
    is_true: { value: "none", build: (t) => sql`${t.bool} is true` },
    is_false: { value: "none", build: (t) => sql`${t.bool} is false` },
    empty: { value: "none", build: (t) => sql`${t.bool} is null` },
  },
};

const singleChoiceKind: FieldKind<{ expr: SQL }> = {
  id: "single_choice",
  operators: {
    equals: { value: "option", build: (t, v: string) => sql`${t.expr} = ${v}` },
    in: {
      value: "optionList",
      build: (t, v: string[]) =>
        sql`${t.expr} in (${sql.join(
          v.map((o) => sql`${o}`),
          sql`, `,
        )})`,
    },
    empty: { value: "none", build: (t) => sql`coalesce(${t.expr}, '') = ''` },
    not_empty: { value: "none", build: (t) => sql`coalesce(${t.expr}, '') <> ''` },
  },
};

/** A multiple-choice column: `has(option)` whether the option is chosen, `nonEmpty` any is. */
export type MultiChoiceTarget = { has: (option: string) => SQL; nonEmpty: SQL };

// jsonb_exists(x, v) is the `?` operator (true when the array x holds the string v), written as
// a function so no driver can mistake `?` for a placeholder.
export const jsonHas = (key: string) => (v: string) =>
  sql`jsonb_exists(${dataAt(key)}, ${v}::text)`;

export const jsonNonEmptyArray = (key: string) =>
  sql`(case when jsonb_typeof(${dataAt(key)}) = 'array' then jsonb_array_length(${dataAt(key)}) > 0 else false end)`;

const multiChoiceKind: FieldKind<MultiChoiceTarget> = {
  id: "multi_choice",
  operators: {
    contains_any: {
      value: "optionList",
      build: (t, v: string[]) => orOf(v.map((o) => t.has(o))),
    },
    contains_all: {
      value: "optionList",
      build: (t, v: string[]) =>
        sql`(${sql.join(
          v.map((o) => t.has(o)),
          sql` and `,
        )})`,
    },
    empty: { value: "none", build: (t) => sql`not ${t.nonEmpty}` },
    not_empty: { value: "none", build: (t) => t.nonEmpty },
  },
};

export const statusKind: FieldKind<{ expr: SQL }> = {
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
