import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const orgStatus = pgEnum("org_status", ["active", "suspended"]);
export const memberRole = pgEnum("member_role", ["main", "editor", "viewer"]);
export const locale = pgEnum("locale", ["fi", "en"]);

export const organizations = pgTable("organizations", {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  businessId: text(),
  customerNumber: text(),
  status: orgStatus().notNull().default("active"),
  isPartner: boolean().notNull().default(false),
  billingAddress: text(),
  /** The organisation's own contact addresses (partners receive assignment notices here). */
  contactEmails: jsonb().$type<string[]>().notNull().default([]),
  suspendedAt: timestamp({ withTimezone: true }),
  /** Price of one SMS part in euro cents, set by platform operators (S3 cost estimate). */
  smsPartPriceCents: numeric({ precision: 10, scale: 3, mode: "number" }).notNull().default(6.9),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    passwordHash: text().notNull(),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    locale: locale().notNull().default("fi"),
    isOperator: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Sign-in is by e-mail address, case-insensitively: one account per lower-cased address.
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);
