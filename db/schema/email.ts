import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./orgs";

/** Messages "sent" through the sandbox transport: kept for viewing, never delivered. */
export const sandboxEmails = pgTable(
  "sandbox_emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    messageKey: text().notNull().unique(),
    fromAddress: text().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    html: text(),
    text: text().notNull(),
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    sizeBytes: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sandbox_emails_org_idx").on(t.orgId, t.createdAt)],
);
