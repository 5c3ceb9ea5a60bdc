import {
  bigint,
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
import { campaigns, deliveries } from "./campaigns";
import { organizations } from "./orgs";

/**
 * The links of one campaign's rendered message (E9), numbered in document order. A click token
 * names a delivery and a link index; the redirect goes only to a URL in this table.
 */
export const campaignLinks = pgTable(
  "campaign_links",
  {
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    idx: integer().notNull(),
    url: text().notNull(),
    /** The link's visible text, for the per-link report. */
    label: text().notNull().default(""),
  },
  (t) => [uniqueIndex("campaign_links_pk").on(t.campaignId, t.idx)],
);

export const emailEventType = pgEnum("email_event_type", [
  "delivered",
  "open",
  "click",
  "bounce",
  "complaint",
  "unsubscribe",
]);

/**
 * Engagement and provider events per delivery (E9, reports). `dedupeKey` makes recording
 * idempotent (a provider event id, or e.g. `open:<delivery>:<minute>`), so a retried webhook or
 * a repeated pixel load adds nothing twice. Stats survive contact deletion (delivery stays).
 */
export const emailEvents = pgTable(
  "email_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    deliveryId: bigint({ mode: "number" })
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    type: emailEventType().notNull(),
    linkIdx: integer(),
    detail: text(),
    dedupeKey: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_events_dedupe_uq").on(t.dedupeKey),
    index("email_events_campaign_idx").on(t.campaignId, t.type, t.occurredAt),
    index("email_events_delivery_idx").on(t.deliveryId),
  ],
);

/**
 * Raw provider webhooks (Resend), written once by provider event id after the signature is
 * verified, then processed from this record ("verify, record, return").
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    provider: text().notNull(),
    externalId: text().notNull(),
    type: text().notNull(),
    payload: jsonb().$type<unknown>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
    error: text(),
  },
  (t) => [uniqueIndex("webhook_events_provider_external_uq").on(t.provider, t.externalId)],
);
