import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { contactFacets, contacts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ColumnType } from "@/lib/registers/values";
import {
  booleanExpr,
  COLUMN_KINDS,
  dataText,
  jsonHas,
  jsonNonEmptyArray,
  numberExpr,
  STATUSES,
  statusKind,
  textKind,
  timestampKind,
  validDate,
} from "./kinds";

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
  /** What the kind's operators build on, over `contacts`. */
  target: unknown;
  /**
   * The same over `contact_facets` (the typed copy counts read), or undefined when the field is
   * not there (a column without a slot, names, e-mail, phone, engagement).
   */
  facetTarget?: unknown;
  options?: string[];
};

/** A register column as the compiler needs it; `slot` is its `contact_facets` column, if any. */
export type SegmentColumn = {
  key: string;
  label: string;
  type: ColumnType;
  options: string[];
  slot?: string | null;
};

/** Choices of an "option" field that come from the database, with their display labels. */
export type FieldOptions = { values: string[]; labels: Record<string, string> };

export type FieldSource = {
  /** Every field this source offers for a register (for the builder). */
  list: (columns: SegmentColumn[]) => ResolvedField[];
  /** The field of a condition, or undefined when this source does not know it. */
  resolve: (field: string, columns: SegmentColumn[]) => ResolvedField | undefined;
  /** For the builder: choices read from the database (e.g. the register's campaigns), by field. */
  loadOptions?: (
    db: Db,
    orgId: string,
    registerId: string,
  ) => Promise<Record<string, FieldOptions>>;
};

const BUILT_INS: ResolvedField[] = (
  [
    ["email", textKind, { expr: sql`${contacts.email}` }],
    ["phone", textKind, { expr: sql`${contacts.phone}`, phone: true }],
    ["firstName", textKind, { expr: sql`${contacts.firstName}` }],
    ["lastName", textKind, { expr: sql`${contacts.lastName}` }],
    [
      "createdAt",
      timestampKind,
      { expr: sql`${contacts.createdAt}` },
      { expr: sql`${contactFacets.createdAt}` },
    ],
    [
      "emailStatus",
      statusKind,
      { expr: sql`${contacts.emailStatus}` },
      { expr: sql`${contactFacets.emailStatus}` },
    ],
    [
      "smsStatus",
      statusKind,
      { expr: sql`${contacts.smsStatus}` },
      { expr: sql`${contactFacets.smsStatus}` },
    ],
  ] as [string, FieldKind, unknown, unknown?][]
).map(([field, kind, target, facetTarget]) => ({
  field,
  label: `segments.fields.${field}`,
  builtIn: true,
  kind: kind as FieldKind<never>,
  target,
  facetTarget,
  options: kind.id === "status" ? [...STATUSES] : undefined,
}));

/** A custom column's value as each kind takes it, over contacts.data. */
function dataTarget(c: SegmentColumn): unknown {
  switch (c.type) {
    case "number":
      return { num: numberExpr(c.key) };
    case "date":
      return { text: dataText(c.key), valid: validDate(c.key) };
    case "boolean":
      return { bool: booleanExpr(c.key) };
    case "multi_choice":
      return { has: jsonHas(c.key), nonEmpty: jsonNonEmptyArray(c.key) };
    default:
      return { expr: dataText(c.key), phone: c.type === "phone" || undefined };
  }
}

/** The same over the column's typed slot of contact_facets (see SLOT_FAMILIES). */
function slotTarget(c: SegmentColumn): unknown {
  if (!c.slot) return undefined;
  const col = (contactFacets as unknown as Record<string, Parameters<typeof sql>[1]>)[c.slot];
  if (!col) return undefined;
  switch (c.type) {
    case "number":
      return { num: sql`${col}` };
    case "date":
      return { text: sql`${col}`, valid: sql`(${col} is not null)` };
    case "boolean":
      return { bool: sql`${col}` };
    case "multi_choice":
      return {
        has: (v: string) => sql`(strpos(${col}, ${`\u001f${v}\u001f`}) > 0)`,
        nonEmpty: sql`(${col} is not null)`,
      };
    default:
      return { expr: sql`${col}`, phone: c.type === "phone" || undefined };
  }
}

function columnField(c: SegmentColumn): ResolvedField {
  return {
    field: c.key,
    label: c.label,
    builtIn: false,
    kind: COLUMN_KINDS[c.type],
    target: dataTarget(c),
    facetTarget: slotTarget(c),
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

/** The database-backed choices of every source for a register's builder (org-scoped). */
export async function loadFieldOptions(
  db: Db,
  orgId: string,
  registerId: string,
): Promise<Record<string, FieldOptions>> {
  const all = await Promise.all(sources.map((s) => s.loadOptions?.(db, orgId, registerId) ?? {}));
  return Object.assign({}, ...all) as Record<string, FieldOptions>;
}

/** Every field of a register with its operators, as plain data for the filter builder. */
export function describeFields(
  columns: SegmentColumn[],
  loaded: Record<string, FieldOptions> = {},
) {
  return sources
    .flatMap((s) => s.list(columns))
    .map((f) => ({
      field: f.field,
      label: f.label,
      builtIn: f.builtIn,
      kind: f.kind.id,
      options: loaded[f.field]?.values ?? f.options ?? null,
      optionLabels: loaded[f.field]?.labels ?? null,
      operators: Object.entries(f.kind.operators).map(([id, o]) => ({ id, value: o.value })),
    }));
}
export type FieldDescription = ReturnType<typeof describeFields>[number];
