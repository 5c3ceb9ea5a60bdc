import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { contacts, organizations, registers } from "@/db/schema";
import { recordConsent } from "@/lib/consent/ledger";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { parseFormFields, type Fields } from "./input";
import { joinFields } from "./register";
import { consumeToken, findValidToken, type TokenPurpose } from "./tokens";

/** The register and organisation a token belongs to (names for the page), or null. */
async function tokenContext(db: Db, raw: string, purpose: TokenPurpose, now: Date) {
  const token = await findValidToken(db, raw, purpose, now);
  if (!token) return null;
  const [row] = await db
    .select({
      register: registers,
      orgName: organizations.name,
      contact: contacts,
    })
    .from(registers)
    .innerJoin(organizations, eq(organizations.id, registers.orgId))
    .innerJoin(contacts, eq(contacts.id, token.contactId))
    .where(and(eq(registers.id, token.registerId), eq(registers.orgId, token.orgId)));
  if (!row || row.contact.orgId !== token.orgId) return null;
  return { token, ...row };
}

/** Whether a confirmation link is still usable (for the page before the person presses confirm). */
export async function peekConfirmToken(db: Db, raw: string, now = new Date()) {
  const ctx = await tokenContext(db, raw, "confirm", now);
  return ctx ? { orgName: ctx.orgName, registerName: ctx.register.name } : null;
}

/**
 * Confirms a double opt-in: uses the token once (a second use, or one after 7 days, is refused)
 * and records `confirm` (source link, IP, the wording the person agreed to) → subscribed.
 */
export async function confirmJoin(db: Db, raw: string, ip: string, now = new Date()) {
  await enforceRateLimits(
    db,
    [{ key: `public:confirm:ip:${ip}`, limit: 60, windowSeconds: 3600 }],
    now,
  );
  return db.transaction(async (tx) => {
    const ctx = await tokenContext(tx, raw, "confirm", now);
    if (!ctx || !(await consumeToken(tx, ctx.token.id, now))) return null;
    await recordConsent(tx, {
      orgId: ctx.token.orgId,
      registerId: ctx.token.registerId,
      contactId: ctx.token.contactId,
      channel: "email",
      action: "confirm",
      source: "link",
      ip,
      wording: ctx.register.consentWording,
      at: now,
    });
    return { orgName: ctx.orgName, registerName: ctx.register.name };
  });
}

/** What the edit page needs: names, the fields (join columns, e-mail read-only) and current values. */
export async function loadEditLink(db: Db, raw: string, locale: Locale, now = new Date()) {
  const ctx = await tokenContext(db, raw, "edit", now);
  if (!ctx) return null;
  const fields = (await joinFields(db, ctx.register.orgId, ctx.register.id, locale)).filter(
    (f) => f.key !== "email",
  );
  const c = ctx.contact;
  const values: Record<string, string | string[]> = {};
  for (const f of fields) {
    const v = f.builtin ? c[f.key as "phone" | "firstName" | "lastName"] : c.data[f.key];
    if (v === null || v === undefined) continue;
    values[f.name] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return {
    orgName: ctx.orgName,
    registerName: ctx.register.name,
    email: c.email ?? "",
    fields,
    values,
    expiresAt: ctx.token.expiresAt,
  };
}

/**
 * Saves the details from an edit link (valid 7 days, usable more than once meanwhile). Only the
 * join columns change, validated like any value; the e-mail address is not editable here.
 */
export async function saveEditLink(
  db: Db,
  raw: string,
  f: Fields,
  ip: string,
  locale: Locale,
  now = new Date(),
) {
  await enforceRateLimits(
    db,
    [{ key: `public:edit-save:ip:${ip}`, limit: 60, windowSeconds: 3600 }],
    now,
  );
  const ctx = await tokenContext(db, raw, "edit", now);
  if (!ctx) throw new AppError("NOT_FOUND", { userMessage: "publicForms.errors.linkInvalid" });
  const fields = (await joinFields(db, ctx.register.orgId, ctx.register.id, locale)).filter(
    (x) => x.key !== "email",
  );
  const p = parseFormFields(fields, f);
  const asked = new Set(fields.map((x) => x.key));
  const c = ctx.contact;
  if (p.phone) {
    const [taken] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.registerId, c.registerId),
          eq(contacts.phone, p.phone),
          ne(contacts.id, c.id),
        ),
      );
    if (taken)
      throw new AppError("BAD_REQUEST", {
        userMessage: "publicForms.errors.fix",
        fieldErrors: { phone: ["publicForms.errors.phoneTaken"] },
      });
  }
  const data = { ...c.data };
  for (const x of fields) if (!x.builtin) delete data[x.key];
  Object.assign(data, p.data);
  await db
    .update(contacts)
    .set({
      ...(asked.has("phone") ? { phone: p.phone } : {}),
      ...(asked.has("firstName") ? { firstName: p.firstName ?? "" } : {}),
      ...(asked.has("lastName") ? { lastName: p.lastName ?? "" } : {}),
      data,
      updatedAt: now,
    })
    .where(and(eq(contacts.id, c.id), eq(contacts.orgId, c.orgId)));
}
