import type { ColumnType } from "@/lib/registers/values";

/**
 * Typed slot columns of `contact_facets` (see `contactFacets`). Each custom column of a register
 * gets the lowest free slot of its family when it is created (a trigger on `register_columns`,
 * migration 0013), while one is free; the contacts trigger copies the column's value from
 * `contacts.data` into that slot, typed. A column without a slot is still filterable, through
 * `contacts.data` (the slower path).
 */
export const SLOT_FAMILIES = {
  /** Text-like values as `data->>key` (text, e-mail, phone, postal code, single choice). */
  t: 12,
  /** Numbers (only JSON numbers; anything else is no value). */
  n: 6,
  /** Dates as "yyyy-mm-dd" text (only values of that shape; anything else is no value). */
  d: 6,
  /** Booleans (only JSON booleans). */
  b: 6,
  /**
   * Multiple choice as one text, each option between U+001F separators ("\u001fgolf\u001ftennis\u001f"),
   * so "has golf" is one byte search; null for no option (or no JSON array). Options cannot
   * contain U+001F (column options are cleaned of control characters).
   */
  m: 6,
} as const;
export type SlotFamily = keyof typeof SLOT_FAMILIES;

/** The slot family of each column type. */
export const SLOT_FAMILY_OF: Record<ColumnType, SlotFamily> = {
  text: "t",
  email: "t",
  phone: "t",
  postal_code: "t",
  single_choice: "t",
  number: "n",
  date: "d",
  boolean: "b",
  multi_choice: "m",
};

/** Every slot name, e.g. "t1" … "t12", "n1" … "m6". */
export const SLOT_NAMES = (Object.keys(SLOT_FAMILIES) as SlotFamily[]).flatMap((f) =>
  Array.from({ length: SLOT_FAMILIES[f] }, (_, i) => `${f}${i + 1}`),
);
