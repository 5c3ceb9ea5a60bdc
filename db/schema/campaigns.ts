import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  numeric,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, users } from "./orgs";
import { contacts, registers } from "./registers";
import { segments } from "./register-data";
import { contentKind, emailSenders } from "./email-content";

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
    /** SMS campaigns (S1–S3): the sender name or number, one of the organisation's `sms_senders`. */
    smsSender: text(),
    /** SMS (S3): the organisation's price per part when sending started, what the send is billed at. */
    smsPartPriceCents: numeric({ precision: 10, scale: 3, mode: "number" }),
    // ---- message content (E1–E4; SMS text lives in `textBody`) ----
    contentKind: contentKind().notNull().default("blocks"),
    subject: text().notNull().default(""),
    preheader: text().notNull().default(""),
    /** Sender chosen from the organisation's verified senders (E6); guarded like `segmentId`. */
    senderId: uuid().references(() => emailSenders.id, { onDelete: "set null" }),
    fromName: text().notNull().default(""),
    replyTo: text(),
    /** The block document (`lib/campaigns/document.ts`) when `contentKind` is "blocks". */
    document: jsonb().$type<unknown>(),
    /** Designer HTML when `contentKind` is "html" (sanitized at save). */
    html: text(),
    /** The plain-text body for "text" campaigns, or a hand-written text part (else generated). */
    textBody: text(),
    /** Bumped on every content save; sending needs `checkedVersion = contentVersion` (E5). */
    contentVersion: integer().notNull().default(1),
    /** The content version last test-sent or previewed in its final form. */
    checkedVersion: integer(),
    trackOpens: boolean().notNull().default(true),
    trackClicks: boolean().notNull().default(true),
    /** Images embedded inline (CID) instead of linked (E4). */
    inlineImages: boolean().notNull().default(false),
    /** Quiet hours in Helsinki time (E7): messages due inside [start, end) wait until `end`. */
    quietStartHour: smallint(),
    quietEndHour: smallint(),
    /**
     * The message rendered once at send start (E4): HTML and text with merge tags still in place,
     * links numbered, sizes. Per recipient only the merge tags are filled.
     */
    rendered: jsonb().$type<unknown>(),
    renderedVersion: integer(),
    /** Who pays for the send (A8, partner issue); null = the organisation itself. */
    payerOrgId: uuid(),
    pausedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    error: text(),
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
    /** SMS (S3): the parts the gateway sent for this recipient's personalized text, as billed. */
    parts: smallint(),
    /** Provider/webhook facts (E9), first occurrence each; detail rows in `email_events`. */
    deliveredAt: timestamp({ withTimezone: true }),
    openedAt: timestamp({ withTimezone: true }),
    clickedAt: timestamp({ withTimezone: true }),
    bouncedAt: timestamp({ withTimezone: true }),
    bounceKind: text().$type<"hard" | "soft">(),
    complainedAt: timestamp({ withTimezone: true }),
    unsubscribedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deliveries_campaign_contact_uq").on(t.campaignId, t.contactId),
    uniqueIndex("deliveries_campaign_address_uq").on(t.campaignId, t.address),
    index("deliveries_claim_idx").on(t.campaignId, t.status, t.id),
    // Deleting a contact nulls its deliveries (and the contact page lists them): by contact.
    index("deliveries_contact_idx").on(t.contactId),
    // Provider webhooks (bounces, complaints, deliveries) find their delivery by provider id.
    index("deliveries_provider_idx").on(t.providerId),
  ],
);
