import { z } from "zod";

/** Nesting limit of the filter tree: the root group is depth 1. */
export const MAX_DEPTH = 4;
/** At most this many conditions in one filter. */
export const MAX_CONDITIONS = 50;

/** One condition: a field (built-in name or column key), an operator and its value. */
export type FilterCondition = { type: "cond"; field: string; operator: string; value?: unknown };
/** A group of conditions and groups joined with AND or OR. */
export type FilterGroup = { type: "group"; op: "and" | "or"; children: FilterNode[] };
export type FilterNode = FilterCondition | FilterGroup;

export const ConditionSchema = z.object({
  type: z.literal("cond"),
  field: z.string().min(1).max(100),
  operator: z.string().min(1).max(40),
  value: z.unknown().optional(),
});

const NodeSchema: z.ZodType<FilterNode> = z.lazy(() =>
  z.union([
    ConditionSchema,
    z.object({
      type: z.literal("group"),
      op: z.enum(["and", "or"]),
      children: z.array(NodeSchema).max(MAX_CONDITIONS),
    }),
  ]),
) as z.ZodType<FilterNode>;

function measure(node: FilterNode, depth: number): { depth: number; conditions: number } {
  if (node.type === "cond") return { depth: depth - 1, conditions: 1 };
  let d = depth;
  let n = 0;
  for (const c of node.children) {
    const m = measure(c, depth + 1);
    d = Math.max(d, m.depth);
    n += m.conditions;
  }
  return { depth: d, conditions: n };
}

/** A whole filter: a root group, at most MAX_DEPTH groups deep and MAX_CONDITIONS conditions. */
export const FilterSchema = z
  .object({
    type: z.literal("group"),
    op: z.enum(["and", "or"]),
    children: z.array(NodeSchema).max(MAX_CONDITIONS),
  })
  .superRefine((tree, ctx) => {
    const m = measure(tree as FilterGroup, 1);
    if (m.depth > MAX_DEPTH)
      ctx.addIssue({ code: "custom", message: `segments.errors.tooDeep|max=${MAX_DEPTH}` });
    if (m.conditions > MAX_CONDITIONS)
      ctx.addIssue({
        code: "custom",
        message: `segments.errors.tooManyConditions|max=${MAX_CONDITIONS}`,
      });
  }) as unknown as z.ZodType<FilterGroup>;

/** The filter that matches every contact of the register. */
export const EMPTY_FILTER: FilterGroup = { type: "group", op: "and", children: [] };

/** Parses a filter from its JSON text (form field, URL parameter); null when malformed. */
export function parseFilterJson(text: string | undefined | null): FilterGroup | null {
  if (!text) return null;
  try {
    const r = FilterSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** A filter from the contacts list's `f` URL parameter (JSON text); null when absent or bad. */
export function decodeFilterParam(p: string | undefined): FilterGroup | null {
  return p && p.length <= 40000 ? parseFilterJson(p) : null;
}

const filterField = z.string().min(2).max(40000);
const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, "errors.NOT_FOUND");

export const CountFilterSchema = z.object({ registerId: uuid, filter: filterField });
export const SaveSegmentSchema = z.object({
  registerId: uuid,
  segmentId: uuid.optional().or(z.literal("")),
  name: z.string().trim().min(1, "segments.errors.nameRequired").max(200),
  filter: filterField,
});
export const SegmentIdSchema = z.object({ registerId: uuid, segmentId: uuid });
export type SaveSegmentInput = z.infer<typeof SaveSegmentSchema>;
