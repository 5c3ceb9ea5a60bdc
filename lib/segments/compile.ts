import { sql, type SQL } from "drizzle-orm";
import { contactFacets, contacts } from "@/db/schema";
import { AppError } from "@/lib/errors";
// Engagement fields ("opened campaign X") register themselves with the field registry.
import "@/lib/tracking/segment-fields";
import { parseConditionValue } from "./condition-value";
import { resolveField, type SegmentColumn } from "./fields";
import { FilterSchema, type FilterGroup, type FilterNode } from "./schemas";

export type CompileContext = { orgId: string; registerId: string; columns: SegmentColumn[] };

/** Validates a filter tree's shape (depth, size), or BAD_REQUEST with the first problem. */
export function parseFilter(filter: unknown): FilterGroup {
  const r = FilterSchema.safeParse(filter);
  if (r.success) return r.data;
  const msg = r.error.issues.find((i) => i.message.startsWith("segments."))?.message;
  throw new AppError("BAD_REQUEST", {
    message: `bad segment filter: ${r.error.issues[0]?.message}`,
    userMessage: msg ?? "segments.errors.badFilter",
  });
}

/** Thrown inside a facet compile when a field has no facet target; never leaves this module. */
const NO_FACET = Symbol("no facet");

type Over = "contacts" | "facets";

function compileNode(node: FilterNode, columns: SegmentColumn[], over: Over): SQL | null {
  if (node.type === "group") {
    const parts = node.children
      .map((c) => compileNode(c, columns, over))
      .filter((p): p is SQL => p !== null);
    // An empty group restricts nothing (a new group in the builder, before its first condition).
    if (parts.length === 0) return null;
    return sql`(${sql.join(parts, node.op === "and" ? sql` and ` : sql` or `)})`;
  }
  const field = resolveField(node.field, columns);
  const op = Object.hasOwn(field.kind.operators, node.operator)
    ? field.kind.operators[node.operator]
    : undefined;
  if (!op)
    throw new AppError("BAD_REQUEST", {
      message: `operator ${node.operator} not valid for ${node.field}`,
      userMessage: `segments.errors.badOperator|field=${field.builtIn ? field.field : field.label}`,
    });
  const value = parseConditionValue(op.value, node.value, field);
  const target = over === "facets" ? field.facetTarget : field.target;
  if (target === undefined) throw NO_FACET;
  return sql`(${op.build(target as never, value as never)})`;
}

/**
 * Compiles a filter tree over a register's columns to ONE SQL condition on `contacts`, always
 * scoped to the organisation and register. Values are bound parameters; unknown fields,
 * operators or bad values are BAD_REQUEST errors naming the field. Pure: no database access.
 */
export function compileFilter(filter: unknown, ctx: CompileContext): SQL {
  const tree = parseFilter(filter);
  const scope = sql`${contacts.orgId} = ${ctx.orgId} and ${contacts.registerId} = ${ctx.registerId}`;
  const cond = compileNode(tree, ctx.columns, "contacts");
  return cond ? sql`(${scope} and ${cond})` : sql`(${scope})`;
}

/**
 * The same filter as ONE condition on `contact_facets` (the typed copy that counts read), or
 * null when a condition's field is not in it (then count over `contacts` with `compileFilter`).
 * Scoped to the register only: `contact_facets` has no organisation column, so the caller must
 * already have checked that the register is the organisation's (`countFilter` does).
 */
export function compileFacetFilter(filter: unknown, ctx: CompileContext): SQL | null {
  const tree = parseFilter(filter);
  let cond: SQL | null;
  try {
    cond = compileNode(tree, ctx.columns, "facets");
  } catch (e) {
    if (e === NO_FACET) return null;
    throw e;
  }
  const scope = sql`${contactFacets.registerId} = ${ctx.registerId}`;
  return cond ? sql`(${scope} and ${cond})` : sql`(${scope})`;
}
