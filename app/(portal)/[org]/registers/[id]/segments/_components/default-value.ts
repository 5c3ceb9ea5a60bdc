import type { FieldDescription, ValueKind } from "@/lib/segments/fields";
import type { FilterCondition } from "@/lib/segments/schemas";

/** The starting value of a condition's input for an operator's value kind. */
export function defaultValue(kind: ValueKind, f: FieldDescription | undefined): unknown {
  switch (kind) {
    case "none":
      return undefined;
    case "optionList":
    case "statusList":
      return [];
    case "numberRange":
      return ["", ""];
    case "option":
    case "status":
      return f?.options?.[0] ?? "";
    case "days":
      return 30;
    default:
      return "";
  }
}

/** A new condition on the first field with its first operator. */
export function newCondition(fields: FieldDescription[]): FilterCondition {
  const f = fields[0]!;
  const op = f.operators[0]!;
  return { type: "cond", field: f.field, operator: op.id, value: defaultValue(op.value, f) };
}
