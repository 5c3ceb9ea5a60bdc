import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { contacts, suppressions } from "@/db/schema";
import { addressHash } from "@/lib/consent/address-hash";
import { recordConsent } from "@/lib/consent/ledger";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { checkFillTime } from "./fill-time";
import { one, parseEmailField, parseFormFields, type Fields } from "./input";
import { queuePublicFormMail } from "./mails";
import { getPublicRegister, joinFields, publicTranslator, type PublicRegister } from "./register";
import { createPublicToken, tokensSince } from "./tokens";

/** A public form submission; `locale` is the form's language (mails and stored wordings use it). */
export type PublicRequest = {
  key: string;
  fields: Fields;
  ip: string;
  locale: Locale;
  now?: Date;
};
/** What the person is told; the same whether or not the address was known. */
export type PublicOutcome = { doubleOptIn: boolean };

const HOUR = 3600;
const DAY_MS = 86_400_000;
/** Name of the honeypot field: hidden from people, filled by naive bots. */
export const HONEYPOT = "website";

/**
 * Common checks of every public form, in an order that reveals nothing: register by key, then
 * honeypot (true = a bot: accept silently, do nothing), minimum fill time, rate limit per IP.
 */
async function gate(db: Db, req: PublicRequest, form: string, needJoin: boolean) {
  const pr = await getPublicRegister(db, req.key);
  if (!pr || (needJoin && !pr.register.publicJoin)) throw new AppError("NOT_FOUND");
  if (one(req.fields, HONEYPOT).trim() !== "") return { pr, bot: true };
  if (checkFillTime(one(req.fields, "t"), req.now) !== "ok")
    throw new AppError("BAD_REQUEST", { userMessage: "publicForms.errors.tooFast" });
  await enforceRateLimits(
    db,
    [{ key: `public:${form}:ip:${req.ip}`, limit: 30, windowSeconds: HOUR }],
    req.now,
  );
  return { pr, bot: false };
}

/** Counts one hit per address (all public forms share it, so no address can be flooded). */
const limitAddress = (db: Db, email: string, now?: Date) =>
  enforceRateLimits(
    db,
    [{ key: `public:addr:${addressHash("email", email)}`, limit: 5, windowSeconds: HOUR }],
    now,
  );

/**
 * Join (R6): creates the contact (or finds it by e-mail; an existing contact's values are never
 * changed by an unverified form — edits go through the mailed link), records `subscribe` (source
 * form, IP, the register's wording) and, with double opt-in, mails a 7-day single-use
 * confirmation link — at most one per address per 24 hours, none to an address suppressed for a
 * bounce, complaint or erasure.
 */
export async function submitJoin(db: Db, req: PublicRequest): Promise<PublicOutcome> {
  const now = req.now ?? new Date();
  const { pr, bot } = await gate(db, req, "join", true);
  const { register } = pr;
  if (bot) return { doubleOptIn: register.doubleOptIn };
  const fields = await joinFields(db, register.orgId, register.id, req.locale);
  const email = parseEmailField(req.fields);
  await limitAddress(db, email, now);
  const parsed = parseFormFields(fields, req.fields);
  if (one(req.fields, "consent") === "")
    throw new AppError("BAD_REQUEST", {
      userMessage: "publicForms.errors.fix",
      fieldErrors: { consent: ["publicForms.errors.consentRequired"] },
    });
  await db.transaction(async (tx) => {
    const contactId = await findOrCreateContact(
      tx,
      register.orgId,
      register.id,
      email,
      parsed,
      now,
    );
    const r = await recordConsent(tx, {
      orgId: register.orgId,
      registerId: register.id,
      contactId,
      channel: "email",
      action: "subscribe",
      source: "form",
      ip: req.ip,
      wording: register.consentWording,
      at: now,
    });
    if (r.status === "pending") await mailConfirmation(tx, pr, req.locale, contactId, email, now);
  });
  return { doubleOptIn: register.doubleOptIn };
}

async function findOrCreateContact(
  tx: Db,
  orgId: string,
  registerId: string,
  email: string,
  p: ReturnType<typeof parseFormFields>,
  now: Date,
): Promise<string> {
  const [hit] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(eq(contacts.registerId, registerId), sql`lower(${contacts.email}) = lower(${email})`),
    );
  if (hit) return hit.id;
  // A phone that another contact already has is left out rather than reported, which would
  // tell a stranger that the number is in the register.
  let phone = p.phone;
  if (phone) {
    const [taken] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.registerId, registerId), eq(contacts.phone, phone)));
    if (taken) phone = null;
  }
  const [c] = await tx
    .insert(contacts)
    .values({
      orgId,
      registerId,
      email,
      phone,
      firstName: p.firstName ?? "",
      lastName: p.lastName ?? "",
      data: p.data,
      createdAt: now,
      updatedAt: now,
    })
    // A simultaneous join of the same address wins the unique index: then use its contact.
    .onConflictDoNothing()
    .returning({ id: contacts.id });
  if (c) return c.id;
  const [again] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(eq(contacts.registerId, registerId), sql`lower(${contacts.email}) = lower(${email})`),
    );
  if (!again) throw new AppError("CONFLICT");
  return again.id;
}

async function mailConfirmation(
  tx: Db,
  pr: PublicRegister,
  locale: Locale,
  contactId: string,
  email: string,
  now: Date,
) {
  const [blocked] = await tx
    .select({ id: suppressions.id })
    .from(suppressions)
    .where(
      and(
        eq(suppressions.orgId, pr.register.orgId),
        eq(suppressions.channel, "email"),
        eq(suppressions.hash, addressHash("email", email)),
        sql`${suppressions.reason} <> 'unsubscribe'`,
      ),
    );
  if (blocked) return;
  if ((await tokensSince(tx, contactId, "confirm", new Date(now.getTime() - DAY_MS))) > 0) return;
  const token = await createPublicToken(tx, {
    orgId: pr.register.orgId,
    registerId: pr.register.id,
    contactId,
    purpose: "confirm",
    now,
  });
  await queuePublicFormMail(tx, {
    kind: "confirm",
    orgId: pr.register.orgId,
    orgName: pr.orgName,
    registerName: pr.register.name,
    locale,
    to: email,
    token,
  });
}

/** The register's contact with this e-mail, or null. */
async function contactByEmail(db: Db, pr: PublicRegister, email: string) {
  const [c] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.registerId, pr.register.id),
        eq(contacts.orgId, pr.register.orgId),
        sql`lower(${contacts.email}) = lower(${email})`,
      ),
    );
  return c ?? null;
}

/**
 * Leave (R6): records `unsubscribe` (source form, IP, the leave page's wording) for the address's
 * contact, which makes it unsubscribed and adds an "unsubscribe" suppression. Works whether or not
 * joining is enabled. An unknown address changes nothing; the answer is the same.
 */
export async function submitLeave(db: Db, req: PublicRequest): Promise<void> {
  const now = req.now ?? new Date();
  const { pr, bot } = await gate(db, req, "leave", false);
  if (bot) return;
  const email = parseEmailField(req.fields);
  await limitAddress(db, email, now);
  const t = await publicTranslator(req.locale);
  await db.transaction(async (tx) => {
    const c = await contactByEmail(tx, pr, email);
    if (!c) return;
    await recordConsent(tx, {
      orgId: pr.register.orgId,
      registerId: pr.register.id,
      contactId: c.id,
      channel: "email",
      action: "unsubscribe",
      source: "form",
      ip: req.ip,
      wording: t("leave.wording", { register: pr.register.name }),
      at: now,
    });
  });
}

/**
 * Edit request (R6): mails a 7-day link to edit one's details when the address is a contact of
 * the register (at most three per address per 24 hours). The answer is the same either way.
 */
export async function requestEditLink(db: Db, req: PublicRequest): Promise<void> {
  const now = req.now ?? new Date();
  const { pr, bot } = await gate(db, req, "edit", false);
  if (bot) return;
  const email = parseEmailField(req.fields);
  await limitAddress(db, email, now);
  await db.transaction(async (tx) => {
    const c = await contactByEmail(tx, pr, email);
    if (!c) return;
    if ((await tokensSince(tx, c.id, "edit", new Date(now.getTime() - DAY_MS))) >= 3) return;
    const token = await createPublicToken(tx, {
      orgId: pr.register.orgId,
      registerId: pr.register.id,
      contactId: c.id,
      purpose: "edit",
      now,
    });
    await queuePublicFormMail(tx, {
      kind: "edit",
      orgId: pr.register.orgId,
      orgName: pr.orgName,
      registerName: pr.register.name,
      locale: req.locale,
      to: email,
      token,
    });
  });
}
