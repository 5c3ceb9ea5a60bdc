import {
  bigint,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, users } from "./orgs";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Files the app keeps for an organisation: uploaded import files, generated exports and import
 * reports. Postgres is the truth, so the bytes live here too (in chunks of about 1 MB), which
 * works the same on PGlite, PostgreSQL and Neon with either job runner. `expiresAt` lets the
 * tick remove old exports and uploads.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    purpose: text().$type<"import_upload" | "import_report" | "export" | "image">().notNull(),
    name: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("stored_files_org_idx").on(t.orgId, t.createdAt),
    index("stored_files_expires_idx").on(t.expiresAt),
  ],
);

export const storedFileChunks = pgTable(
  "stored_file_chunks",
  {
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
