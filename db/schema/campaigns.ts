import {
  bigserial,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, users } from "./orgs";
import { contacts, registers } from "./registers";
import { segments } from "./register-data";

export const campaignChannel = pgEnum("campaign_channel", ["email", "sms"]);
export const campaignStatus = pgEnum("campaign_status", [
  "draft",
  "scheduled",
  "sending",
  "paused",
  "sent",
  "cancelled",
]);
/** Whom a campaign goes to; "segment" with a deleted segment is refused, never widened. */
export const campaignAudience = pgEnum("campaign_audience", ["register", "segment"]);
export const deliveryStatus = pgEnum("delivery_status", [
  "queued",
  "sent",
  "delivered",
  "failed",
  "bounced",
]);

/**
 * A campaign (E-mail E1–E11, SMS S1): one message to one register or one of its segments. This
 * table holds what dispatch needs; the message itself (subject, document, text) comes with the
 * editor. `recipients` is set once, when the audience is materialized into deliveries.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    channel: campaignChannel().notNull(),
    name: text().notNull(),
    status: campaignStatus().notNull().default("draft"),
    registerId: uuid()
      .notNull()
      .references(() => registers.id, { onDelete: "cascade" }),
    audience: campaignAudience().notNull(),
    /** Set when `audience` is "segment"; null after the segment is deleted (then sending refuses). */
    segmentId: uuid().references(() => segments.id, { onDelete: "set null" }),
    scheduledAt: timestamp({ withTimezone: true }),
    /** Messages per hour; null = as fast as the transport allows. */
    ratePerHour: integer(),
    recipients: integer(),
    materializedAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("campaigns_org_idx").on(t.orgId, t.createdAt),
    index("campaigns_due_idx").on(t.status, t.scheduledAt),
  ],
);

/**
 * One message of a campaign to one recipient (ARCHITECTURE §2): created for the whole audience
 * in one INSERT … SELECT, claimed in batches with SKIP LOCKED under a lease (`claimedUntil`),
 * sent with the delivery id as the idempotency key. Unique per campaign and contact and per
 * campaign and address, so no rerun can add a second message for anyone.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Null once the contact is deleted; the delivery stays for the report. */
    contactId: uuid().references(() => contacts.id, { onDelete: "set null" }),
    /** The normalised address sent to: lower-case e-mail or E.164 phone. */
    address: text().notNull(),
    status: deliveryStatus().notNull().default("queued"),
    attempts: smallint().notNull().default(0),
    claimedUntil: timestamp({ withTimezone: true }),
    providerId: text(),
    error: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deliveries_campaign_contact_uq").on(t.campaignId, t.contactId),
    uniqueIndex("deliveries_campaign_address_uq").on(t.campaignId, t.address),
    index("deliveries_claim_idx").on(t.campaignId, t.status, t.id),
    // Deleting a contact nulls its deliveries (and the contact page lists them): by contact.
    index("deliveries_contact_idx").on(t.contactId),
  ],
);
