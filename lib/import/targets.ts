import type { ColumnType } from "@/lib/registers/values";
import { suggestMapping, type MappingTarget } from "./mapping";

/** Built-in contact fields an import can fill, by their mapping key. */
export const BUILT_IN_TARGETS = ["email", "phone", "firstName", "lastName"] as const;
export type BuiltInTarget = (typeof BUILT_IN_TARGETS)[number];

/** Custom columns are mapped as "c:<column key>" so a column keyed "phone" cannot clash. */
export const customTarget = (key: string) => `c:${key}`;

type Column = { key: string; label: string; type: ColumnType | string };

/** Synonym keys in mapping.ts use snake case for the built-in names. */
const SYNONYM_KEY: Record<BuiltInTarget, string> = {
  email: "email",
  phone: "phone",
  firstName: "first_name",
  lastName: "last_name",
};

/**
 * Suggested target per source column (index → target, or null for "skip"), from the header
 * names in Finnish or English and the register's column labels.
 */
export function suggestTargets(
  header: string[],
  columns: Column[],
  builtInLabels: Record<BuiltInTarget, string>,
): (string | null)[] {
  const targets: MappingTarget[] = [
    ...BUILT_IN_TARGETS.map((k) => ({ key: SYNONYM_KEY[k], label: builtInLabels[k], type: k })),
    ...columns.map((c) => ({ key: customTarget(c.key), label: c.label, type: String(c.type) })),
  ];
  const back = new Map(BUILT_IN_TARGETS.map((k) => [SYNONYM_KEY[k], k as string]));
  return suggestMapping(header, targets).map((k) => (k === null ? null : (back.get(k) ?? k)));
}

export type MappingProblem =
  | { key: "import.mapping.NO_ADDRESS" }
  | { key: "import.mapping.TWICE"; target: string }
  | { key: "import.mapping.UNKNOWN_TARGET"; target: string }
  | { key: "import.mapping.REQUIRED_UNMAPPED"; column: string };

/**
 * Checks a mapping (source column index → target): targets must exist, none twice, e-mail or
 * phone mapped, and when the import may add contacts every required custom column mapped.
 */
export function mappingProblems(
  mapping: Record<string, string>,
  columns: (Column & { required?: boolean })[],
  mode: "add" | "update" | "upsert",
): MappingProblem[] {
  const valid = new Set<string>([...BUILT_IN_TARGETS, ...columns.map((c) => customTarget(c.key))]);
  const problems: MappingProblem[] = [];
  const seen = new Set<string>();
  for (const target of Object.values(mapping)) {
    if (!valid.has(target)) problems.push({ key: "import.mapping.UNKNOWN_TARGET", target });
    else if (seen.has(target)) problems.push({ key: "import.mapping.TWICE", target });
    seen.add(target);
  }
  if (!seen.has("email") && !seen.has("phone")) problems.push({ key: "import.mapping.NO_ADDRESS" });
  if (mode !== "update") {
    for (const c of columns)
      if (c.required && !seen.has(customTarget(c.key)))
        problems.push({ key: "import.mapping.REQUIRED_UNMAPPED", column: c.label });
  }
  return problems;
}
