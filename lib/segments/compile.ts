import { sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
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

function compileNode(node: FilterNode, columns: SegmentColumn[]): SQL | null {
  if (node.type === "group") {
    const parts = node.children
      .map((c) => compileNode(c, columns))
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
  return sql`(${op.build(field.target as never, value as never)})`;
}

/**
 * Compiles a filter tree over a register's columns to ONE SQL condition on `contacts`, always
 * scoped to the organisation and register. Values are bound parameters; unknown fields,
 * operators or bad values are BAD_REQUEST errors naming the field. Pure: no database access.
 */
export function compileFilter(filter: unknown, ctx: CompileContext): SQL {
  const tree = parseFilter(filter);
  const scope = sql`${contacts.orgId} = ${ctx.orgId} and ${contacts.registerId} = ${ctx.registerId}`;
  const cond = compileNode(tree, ctx.columns);
  return cond ? sql`(${scope} and ${cond})` : sql`(${scope})`;
}
