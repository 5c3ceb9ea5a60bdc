import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { contacts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import {
  authorizeActor,
  getRegisterOrThrow,
  listColumns,
  type Actor,
} from "@/lib/registers/registers";
import { normalizeEmail, parseValue, type ColumnValue } from "@/lib/registers/values";
import { normalizePhone } from "@/lib/sms/phone";

export type Contact = typeof contacts.$inferSelect;
/** Raw form/import input: built-ins by name, custom columns by column key. */
export type ContactRaw = {
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  data?: Record<string, string | string[] | null>;
};

type Parsed = {
  email: string | null;
  phone: string | null;
  firstName: string;
  lastName: string;
  data: Record<string, ColumnValue>;
};

const invalid = (fieldErrors: Record<string, string[]>, first: string) =>
  new AppError("BAD_REQUEST", { userMessage: first, fieldErrors });

/** Validates every value against its column; errors name the column (field key `c_<key>`). */
async function parseContact(db: Db, orgId: string, registerId: string, raw: ContactRaw) {
  const columns = await listColumns(db, orgId, registerId);
  const errors: Record<string, string[]> = {};
  let first: string | null = null;
  const add = (field: string, key: string, summary: string) => {
    errors[field] = [key];
    first ??= summary;
  };
  const emailRaw = raw.email?.trim() ?? "";
  const phoneRaw = raw.phone?.trim() ?? "";
  const email = emailRaw ? normalizeEmail(emailRaw) : null;
  const phone = phoneRaw ? normalizePhone(phoneRaw) : null;
  if (emailRaw && !email) add("email", "registers.values.email", "contacts.errors.invalidEmail");
  if (phoneRaw && !phone) add("phone", "registers.values.phone", "contacts.errors.invalidPhone");
  const firstName = (raw.firstName ?? "").trim().slice(0, 200);
  const lastName = (raw.lastName ?? "").trim().slice(0, 200);
  if (!email && !phone && !emailRaw && !phoneRaw) {
    errors.email = ["contacts.errors.emailOrPhone"];
    first ??= "contacts.errors.emailOrPhone";
  }
  const data: Record<string, ColumnValue> = {};
  for (const c of columns) {
    const r = parseValue(c, raw.data?.[c.key] ?? null);
    if (!r.ok) add(`c_${c.key}`, r.error, `contacts.errors.invalidValue|column=${c.label}`);
    else if (r.value !== null) data[c.key] = r.value;
  }
  if (first) throw invalid(errors, first);
  return { email, phone, firstName, lastName, data } satisfies Parsed;
}

/** Refuses an e-mail or phone that another contact of the register already has. */
async function checkUnique(db: Db, registerId: string, p: Parsed, exceptId?: string) {
  const other = exceptId ? ne(contacts.id, exceptId) : undefined;
  if (p.email) {
    const [hit] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.registerId, registerId),
          sql`lower(${contacts.email}) = lower(${p.email})`,
          other,
        ),
      );
    if (hit) throw invalid({ email: ["contacts.errors.emailTaken"] }, "contacts.errors.emailTaken");
  }
  if (p.phone) {
    const [hit] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.registerId, registerId), eq(contacts.phone, p.phone), other));
    if (hit) throw invalid({ phone: ["contacts.errors.phoneTaken"] }, "contacts.errors.phoneTaken");
  }
}

/** Loads a contact of the register and organisation, or NOT_FOUND. */
export async function getContactOrThrow(
  db: Db,
  orgId: string,
  registerId: string,
  contactId: string,
) {
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) throw new AppError("NOT_FOUND");
  const [c] = await db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.id, contactId),
        eq(contacts.registerId, registerId),
        eq(contacts.orgId, orgId),
      ),
    );
  if (!c) throw new AppError("NOT_FOUND");
  return c;
}

/** Creates a contact after validating every value; unique e-mail and phone per register. */
export async function createContact(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  raw: ContactRaw,
  now = new Date(),
) {
  await authorizeActor(db, orgId, actor, "editor");
  await getRegisterOrThrow(db, orgId, registerId);
  const p = await parseContact(db, orgId, registerId, raw);
  await checkUnique(db, registerId, p);
  const [c] = await db
    .insert(contacts)
    .values({ ...p, orgId, registerId, createdAt: now, updatedAt: now })
    .returning();
  return c!;
}

/** Replaces a contact's values (all columns are on the form) after the same validation. */
export async function updateContact(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  contactId: string,
  raw: ContactRaw,
  now = new Date(),
) {
  await authorizeActor(db, orgId, actor, "editor");
  const existing = await getContactOrThrow(db, orgId, registerId, contactId);
  const p = await parseContact(db, orgId, registerId, raw);
  await checkUnique(db, registerId, p, existing.id);
  const [c] = await db
    .update(contacts)
    .set({ ...p, updatedAt: now })
    .where(and(eq(contacts.id, existing.id), eq(contacts.orgId, orgId)))
    .returning();
  return c!;
}

/** Deletes a contact and records `contact.deleted` (no personal data in the audit entry). */
export async function deleteContact(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  contactId: string,
) {
  await authorizeActor(db, orgId, actor, "editor");
  const c = await getContactOrThrow(db, orgId, registerId, contactId);
  await db.transaction(async (tx) => {
    await tx.delete(contacts).where(and(eq(contacts.id, c.id), eq(contacts.orgId, orgId)));
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "contact.deleted",
      targetType: "contact",
      targetId: c.id,
      ip: actor.ip,
      details: { registerId },
    });
  });
}
