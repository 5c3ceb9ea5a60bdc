import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn as AnyColumn,
} from "drizzle-orm/pg-core";
import { SLOT_NAMES } from "./facet-slots";
import { organizations } from "./orgs";

export const columnType = pgEnum("column_type", [
  "text",
  "number",
  "date",
  "boolean",
  "single_choice",
  "multi_choice",
  "email",
  "phone",
  "postal_code",
]);

/** Current status per channel on a contact, derived from its latest consent event (R8). */
export const consentStatus = pgEnum("consent_status", [
  "none",
  "pending",
  "subscribed",
  "unsubscribed",
]);

/** A customer register (R1) of an organisation. Contacts belong to exactly one register. */
export const registers = pgTable(
  "registers",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    /** Random id in public URLs (join/leave/edit forms, privacy notice); never the uuid. */
    publicKey: text()
      .notNull()
      .unique()
      .default(
        sql`replace(replace(rtrim(encode(uuid_send(gen_random_uuid()), 'base64'), '='), '/', '_'), '+', '-')`,
      ),
    /** R6: whether the hosted and embedded join form accepts submissions. */
    publicJoin: boolean().notNull().default(false),
    doubleOptIn: boolean().notNull().default(true),
    /** Column keys (built-ins included) the public join form asks for, in order. */
    joinColumns: jsonb().$type<string[]>().notNull().default(["email", "firstName", "lastName"]),
    /** Consent wording shown on the join form and stored with each consent event. */
    consentWording: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("registers_org_idx").on(t.orgId, t.createdAt)],
);

/**
 * Custom typed columns of a register. `key` is the stable slug used in `contacts.data`; a rename
 * changes only `label`, so no contact data moves. Built-in columns (e-mail, phone, first and last
 * name) are real columns of `contacts`, not rows here.
 */
export const registerColumns = pgTable(
  "register_columns",
  {
    id: uuid().primaryKey().defaultRandom(),
    registerId: uuid()
      .notNull()
      .references(() => registers.id, { onDelete: "cascade" }),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    key: text().notNull(),
    label: text().notNull(),
    type: columnType().notNull(),
    required: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    helpText: text().notNull().default(""),
    options: jsonb().$type<string[]>().notNull().default([]),
    /**
     * The column's typed slot in `contact_facets` ("t3", "n1" …), set by a trigger when the
     * column is created while a slot of its family is free; null otherwise.
     */
    slot: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("register_columns_key_uq").on(t.registerId, t.key),
    uniqueIndex("register_columns_slot_uq")
      .on(t.registerId, t.slot)
      .where(sql`${t.slot} is not null`),
    index("register_columns_position_idx").on(t.registerId, t.position),
  ],
);

/**
 * What the contact list's search looks in, as one string: e-mail, "first last first" (so both
 * name orders match) and phone, separated by U+001F so a term cannot span two fields. A trigram
 * GIN index (pg_trgm) on exactly this expression serves `like '%term%'` at any register size;
 * the search must use this function so PostgreSQL recognises the expression.
 */
export function contactSearchText(
  email: AnyColumn | SQL,
  firstName: AnyColumn | SQL,
  lastName: AnyColumn | SQL,
  phone: AnyColumn | SQL,
): SQL {
  return sql`(coalesce(lower(${email}), '') || E'\\x1f' || lower(${firstName} || ' ' || ${lastName} || ' ' || ${firstName}) || E'\\x1f' || coalesce(${phone}, ''))`;
}

/**
 * Contacts (R2). Custom values live in `data` keyed by column key. Indexes serve keyset paging
 * for each sort (sort key + id as tie-breaker) so pages stay fast at 1,000,000 rows per register.
 * Names are never null ('' when unknown) so sort keys compare without NULL cases.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    registerId: uuid()
      .notNull()
      .references(() => registers.id, { onDelete: "cascade" }),
    email: text(),
    phone: text(),
    firstName: text().notNull().default(""),
    lastName: text().notNull().default(""),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    emailStatus: consentStatus().notNull().default("none"),
    smsStatus: consentStatus().notNull().default("none"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contacts_register_email_uq")
      .on(t.registerId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    uniqueIndex("contacts_register_phone_uq")
      .on(t.registerId, t.phone)
      .where(sql`${t.phone} is not null`),
    index("contacts_register_created_idx").on(t.registerId, t.createdAt, t.id),
    index("contacts_register_name_idx").on(t.registerId, sql`lower(${t.lastName})`, t.id),
    index("contacts_register_email_sort_idx").on(
      t.registerId,
      sql`coalesce(lower(${t.email}), '')`,
      t.id,
    ),
    index("contacts_org_idx").on(t.orgId),
    // The contact list's contains-search (pg_trgm, migration 0014): see `contactSearchText`.
    index("contacts_search_trgm_idx").using(
      "gin",
      sql`${contactSearchText(t.email, t.firstName, t.lastName, t.phone)} gin_trgm_ops`,
    ),
  ],
);

// Dates ("yyyy-mm-dd") and multiple choices (see SLOT_FAMILIES) are text with COLLATE "C" in the
// migration (drizzle has no collation): compared byte-wise, which is right for both and cheaper.
const slotColumn = (slot: string) =>
  slot.startsWith("n") ? numeric() : slot.startsWith("b") ? boolean() : text();

/**
 * A narrow, typed copy of what segments filter on, one row per contact: the statuses, the
 * creation time and each slotted custom column's value (see `SLOT_FAMILIES`). Written only by
 * the triggers of migration 0013 in the same statement that writes `contacts`, so it is always
 * exactly what `contacts` says; never written by application code. Counting a segment over it
 * reads ~110 bytes a contact instead of the whole contact row and compares typed values instead
 * of extracting them from jsonb (docs/BENCHMARKS.md, segment).
 */
export const contactFacets = pgTable(
  "contact_facets",
  {
    /** The contact (no foreign key: the triggers insert and delete these rows with it). */
    contactId: uuid().primaryKey(),
    registerId: uuid().notNull(),
    emailStatus: consentStatus().notNull(),
    smsStatus: consentStatus().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    ...(Object.fromEntries(SLOT_NAMES.map((s) => [s, slotColumn(s)])) as Record<
      string,
      ReturnType<typeof slotColumn>
    >),
  },
  (t) => [index("contact_facets_register_idx").on(t.registerId)],
);
