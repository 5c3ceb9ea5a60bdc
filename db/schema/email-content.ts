import {
  bigint,
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
import { sql } from "drizzle-orm";
import { storedFiles } from "./files";
import { organizations, users } from "./orgs";

/** What an e-mail message's content is: the block document, designer HTML, or plain text only. */
export const contentKind = pgEnum("content_kind", ["blocks", "html", "text"]);

/**
 * A from-address an organisation may send campaigns from (E6). Usable only once `verifiedAt` is
 * set, which happens when someone opens the link mailed to the address (token stored hashed).
 */
export const emailSenders = pgTable(
  "email_senders",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    address: text().notNull(),
    name: text().notNull().default(""),
    verifiedAt: timestamp({ withTimezone: true }),
    tokenHash: text(),
    tokenExpiresAt: timestamp({ withTimezone: true }),
    lastSentAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_senders_org_address_uq").on(t.orgId, sql`lower(${t.address})`),
    uniqueIndex("email_senders_token_uq").on(t.tokenHash),
  ],
);

/** A sending domain with its SPF/DKIM/DMARC records and the last DNS check's outcome (E6). */
export const sendingDomains = pgTable(
  "sending_domains",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    domain: text().notNull(),
    dkimSelector: text().notNull().default("viestikone"),
    /** DKIM public key (base64 SPKI) to publish; the private key stays with the transport. */
    dkimPublicKey: text(),
    /** `{ spf, dkim, dmarc }` each `{ ok, found, expected, error }` from the last check. */
    lastCheck: jsonb().$type<unknown>(),
    checkedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sending_domains_org_domain_uq").on(t.orgId, sql`lower(${t.domain})`)],
);

/** A reusable message design (E2): the same content fields as a campaign. */
export const emailTemplates = pgTable(
  "email_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    contentKind: contentKind().notNull().default("blocks"),
    subject: text().notNull().default(""),
    preheader: text().notNull().default(""),
    document: jsonb().$type<unknown>(),
    html: text(),
    textBody: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_templates_org_idx").on(t.orgId, t.updatedAt)],
);

/**
 * The image bank (E2): bytes in `stored_files` (purpose "image", no expiry), served publicly at
 * `/i/<publicKey>` with long cache headers. `publicKey` is an unguessable token, never the id.
 */
export const images = pgTable(
  "images",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id, { onDelete: "restrict" }),
    publicKey: text().notNull(),
    name: text().notNull(),
    contentType: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("images_public_key_uq").on(t.publicKey),
    index("images_org_idx").on(t.orgId, t.createdAt),
  ],
);

/** The organisation's brand (E2), applied to new messages: logo, colours and font stack. */
export const brands = pgTable("brands", {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  logoImageId: uuid().references(() => images.id, { onDelete: "set null" }),
  primaryColor: text().notNull().default("#1d4ed8"),
  textColor: text().notNull().default("#111827"),
  backgroundColor: text().notNull().default("#f3f4f6"),
  contentBackgroundColor: text().notNull().default("#ffffff"),
  fontStack: text().notNull().default("Arial, Helvetica, sans-serif"),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
