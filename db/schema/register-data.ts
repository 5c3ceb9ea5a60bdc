import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { storedFiles } from "./files";
import { organizations, users } from "./orgs";
import { contacts, registers } from "./registers";

export const importMode = pgEnum("import_mode", ["add", "update", "upsert"]);
export const importDedupe = pgEnum("import_dedupe", ["email", "phone", "email_phone"]);
export const workStatus = pgEnum("work_status", ["draft", "queued", "running", "done", "failed"]);

/**
 * One import of a CSV or .xlsx file into a register (R3). Created as a draft when the file is
 * uploaded (preview, mapping), queued when the user starts it, then driven by the import job,
 * which keeps the counters current for the progress bar. All or nothing: contacts change in one
 * transaction at the end, so a failed import leaves the register as it was.
 */
export const imports = pgTable(
  "imports",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    registerId: uuid()
      .notNull()
      .references(() => registers.id, { onDelete: "cascade" }),
    fileId: uuid().references(() => storedFiles.id, { onDelete: "set null" }),
    reportFileId: uuid().references(() => storedFiles.id, { onDelete: "set null" }),
    fileName: text().notNull(),
    format: text().$type<"csv" | "xlsx">().notNull(),
    encoding: text(),
    delimiter: text(),
    headers: jsonb().$type<string[]>().notNull().default([]),
    /** Source column index (as string) → target column key (built-ins: email, phone, firstName, lastName). */
    mapping: jsonb().$type<Record<string, string>>().notNull().default({}),
    mode: importMode().notNull().default("upsert"),
    dedupe: importDedupe().notNull().default("email_phone"),
    /**
     * What the import says about marketing permission for contacts it creates: "subscribed"
     * records a consent event (source import) per channel with an address; "none" records none.
     * An import never re-subscribes an unsubscribed contact or a suppressed address.
     */
    consent: text().$type<"none" | "subscribed">().notNull().default("none"),
    status: workStatus().notNull().default("draft"),
    totalRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    insertedRows: integer().notNull().default(0),
    updatedRows: integer().notNull().default(0),
    unchangedRows: integer().notNull().default(0),
    rejectedRows: integer().notNull().default(0),
    suppressedRows: integer().notNull().default(0),
    error: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("imports_register_idx").on(t.registerId, t.createdAt)],
);

/**
 * One export of a register or segment to CSV or .xlsx (R4), produced by a job into a stored file.
 */
export const exports = pgTable(
  "exports",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    registerId: uuid()
      .notNull()
      .references(() => registers.id, { onDelete: "cascade" }),
    segmentId: uuid().references(() => segments.id, { onDelete: "set null" }),
    format: text().$type<"csv" | "xlsx">().notNull(),
    status: workStatus().notNull().default("queued"),
    totalRows: integer().notNull().default(0),
    processedRows: integer().notNull().default(0),
    fileId: uuid().references(() => storedFiles.id, { onDelete: "set null" }),
    error: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("exports_register_idx").on(t.registerId, t.createdAt)],
);

/**
 * A bulk deletion of a register's contacts (R2): the contacts picked on the list, or those
 * matching a search and a column filter (a segment filter tree), created up to `before`, deleted by a job in batches that each
 * commit, so `deleted` moves the progress bar and a rerun after a crash carries on where it
 * stopped. `total` is the count when it was asked for.
 */
export const contactDeletions = pgTable(
  "contact_deletions",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    registerId: uuid()
      .notNull()
      .references(() => registers.id, { onDelete: "cascade" }),
    q: text().notNull().default(""),
    filter: jsonb().$type<unknown>(),
    /** Contacts picked one by one on the list (then `q` and `filter` are empty). */
    ids: jsonb().$type<string[]>(),
    before: timestamp({ withTimezone: true }).notNull(),
    status: workStatus().notNull().default("queued"),
    total: integer().notNull().default(0),
    deleted: integer().notNull().default(0),
    error: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("contact_deletions_register_idx").on(t.registerId, t.createdAt)],
);

/**
 * A saved segment (R5): a filter tree over a register's columns, compiled to one SQL WHERE
 * clause by `lib/segments`. The tree shape is validated by the segments zod schema.
 */
export const segments = pgTable(
  "segments",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    registerId: uuid()
      .notNull()
      .references(() => registers.id, { onDelete: "cascade" }),
    name: text().notNull(),
    filter: jsonb().$type<Record<string, unknown>>().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("segments_register_idx").on(t.registerId, t.name)],
);

export const consentChannel = pgEnum("consent_channel", ["email", "sms"]);
export const consentAction = pgEnum("consent_action", ["subscribe", "confirm", "unsubscribe"]);
export const consentSource = pgEnum("consent_source", [
  "form",
  "import",
  "api",
  "sms",
  "manual",
  "link",
]);

/**
 * The consent ledger (R8). Append-only: a trigger (migration 0005) refuses UPDATE; rows go only
 * when their contact is erased (cascade), which is what R11 asks for. `contacts.email_status` and
 * `contacts.sms_status` are derived from these rows in the same transaction that appends one.
 */
export const consentEvents = pgTable(
  "consent_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    registerId: uuid()
      .notNull()
      .references(() => registers.id, { onDelete: "cascade" }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    channel: consentChannel().notNull(),
    action: consentAction().notNull(),
    source: consentSource().notNull(),
    /** The requester's IP (web) or phone number (SMS). */
    ip: text(),
    phone: text(),
    /** The consent wording shown to the person, as it was then. */
    wording: text().notNull().default(""),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consent_events_contact_idx").on(t.contactId, t.createdAt)],
);

export const suppressionReason = pgEnum("suppression_reason", [
  "unsubscribe",
  "bounce",
  "complaint",
  "manual",
  "erasure",
]);

/**
 * Per-organisation suppression list (R8). Looked up by `hash` (SHA-256 of the normalised address:
 * lower-case e-mail or E.164 phone); `value` is the address itself, or null after an erasure
 * (R11), which keeps only the hash. No import can undo an entry; only a main user removes one.
 */
export const suppressions = pgTable(
  "suppressions",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    channel: consentChannel().notNull(),
    hash: text().notNull(),
    value: text(),
    reason: suppressionReason().notNull(),
    note: text().notNull().default(""),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("suppressions_org_hash_uq").on(t.orgId, t.channel, t.hash),
    index("suppressions_org_created_idx").on(t.orgId, t.createdAt),
  ],
);

export const publicTokenPurpose = pgEnum("public_token_purpose", ["confirm", "edit"]);

/**
 * Single-use links mailed to a register's contact (R6): confirm a join (double opt-in, 7 days) or
 * edit one's details. Only the SHA-256 of the token is stored.
 */
export const publicTokens = pgTable(
  "public_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    registerId: uuid()
      .notNull()
      .references(() => registers.id, { onDelete: "cascade" }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    purpose: publicTokenPurpose().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("public_tokens_contact_idx").on(t.contactId, t.purpose, t.createdAt)],
);

/**
 * Per-register privacy notice (R9, rekisteriseloste): the controller's details and the texts
 * the public notice page is generated from, plus the address-source statement used in footers.
 */
export const registerPrivacy = pgTable("register_privacy", {
  registerId: uuid()
    .primaryKey()
    .references(() => registers.id, { onDelete: "cascade" }),
  orgId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  controllerName: text().notNull().default(""),
  controllerBusinessId: text().notNull().default(""),
  controllerAddress: text().notNull().default(""),
  contactPerson: text().notNull().default(""),
  contactEmail: text().notNull().default(""),
  purpose: text().notNull().default(""),
  legalBasis: text()
    .$type<"consent" | "contract" | "legitimate_interest" | "legal_obligation">()
    .notNull()
    .default("consent"),
  retention: text().notNull().default(""),
  sources: text().notNull().default(""),
  recipients: text().notNull().default(""),
  addressSource: text().notNull().default(""),
  /** Null until the main user publishes the notice; the public page 404s before that. */
  publishedAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
