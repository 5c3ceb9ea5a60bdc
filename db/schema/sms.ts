import {
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, users } from "./orgs";

export const smsEncoding = pgEnum("sms_encoding", ["gsm7", "ucs2"]);

/** Outbound messages handed to the sandbox gateway: shown on the sandbox phone page. */
export const sandboxSms = pgTable(
  "sandbox_sms",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    messageKey: text().notNull().unique(),
    sender: text().notNull(),
    recipient: text().notNull(),
    body: text().notNull(),
    encoding: smsEncoding().notNull(),
    parts: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sandbox_sms_org_idx").on(t.orgId, t.recipient, t.createdAt)],
);

/**
 * Inbound SMS from any gateway, deduplicated on the gateway's own id (Kannel's %I, the sandbox's
 * generated id) so a retried delivery is stored once. `orgId` is set once a service claims it.
 */
export const smsInbound = pgTable(
  "sms_inbound",
  {
    id: uuid().primaryKey().defaultRandom(),
    gateway: text().notNull(),
    providerId: text().notNull(),
    orgId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    sender: text().notNull(),
    shortCode: text().notNull(),
    body: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sms_inbound_provider_idx").on(t.gateway, t.providerId),
    index("sms_inbound_org_idx").on(t.orgId, t.receivedAt),
  ],
);

/**
 * Sender names and numbers an organisation may send SMS campaigns from (S2), managed by its main
 * users: 1–11 of A–Z a–z 0–9 and space with a letter, or a phone number / short code
 * (`lib/sms/phone.ts senderProblem`). Unique per organisation, case-sensitively as shown.
 */
export const smsSenders = pgTable(
  "sms_senders",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    sender: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("sms_senders_org_sender_uq").on(t.orgId, t.sender)],
);

/** A reusable SMS text (S1), saved from an SMS campaign and applied to another one. */
export const smsTemplates = pgTable(
  "sms_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    textBody: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sms_templates_org_idx").on(t.orgId, t.updatedAt)],
);
