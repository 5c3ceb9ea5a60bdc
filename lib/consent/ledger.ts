import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { consentEvents, contacts, registers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { authorizeActor, type Actor } from "@/lib/registers/registers";
import {
  liftsUnsubscribeSuppression,
  statusAfter,
  type ConsentAction,
  type ConsentChannel,
  type ConsentSource,
  type ConsentStatus,
} from "./rules";
import { isSuppressed, liftUnsubscribeSuppression, suppressAddress } from "./suppressions";

export type ConsentInput = {
  orgId: string;
  registerId: string;
  contactId: string;
  channel: ConsentChannel;
  action: ConsentAction;
  source: ConsentSource;
  ip?: string | null;
  phone?: string | null;
  /** The wording shown to the person (or the note of a manual change), stored as it was. */
  wording: string;
  actorId?: string | null;
  at?: Date;
};

export type ConsentEvent = typeof consentEvents.$inferSelect;

/**
 * Appends one consent event and updates the contact's derived channel status by the rules in
 * `rules.ts`, and the suppression list with it (unsubscribe adds, the person's own opt-in lifts an
 * "unsubscribe" entry). Call inside the transaction of the change that caused it. The contact is
 * loaded by (id, register, organisation): another organisation's contact is NOT_FOUND.
 */
export async function recordConsent(tx: Db, input: ConsentInput) {
  const [row] = await tx
    .select({
      email: contacts.email,
      phone: contacts.phone,
      emailStatus: contacts.emailStatus,
      smsStatus: contacts.smsStatus,
      doubleOptIn: registers.doubleOptIn,
    })
    .from(contacts)
    .innerJoin(registers, eq(registers.id, contacts.registerId))
    .where(
      and(
        eq(contacts.id, input.contactId),
        eq(contacts.registerId, input.registerId),
        eq(contacts.orgId, input.orgId),
        eq(registers.orgId, input.orgId),
      ),
    )
    .for("update", { of: contacts });
  if (!row) throw new AppError("NOT_FOUND");
  const current = input.channel === "email" ? row.emailStatus : row.smsStatus;
  const status = statusAfter(input.action, input.source, row.doubleOptIn, current);
  const at = input.at ?? new Date();
  const [event] = await tx
    .insert(consentEvents)
    .values({
      orgId: input.orgId,
      registerId: input.registerId,
      contactId: input.contactId,
      channel: input.channel,
      action: input.action,
      source: input.source,
      ip: input.ip ?? null,
      phone: input.phone ?? null,
      wording: input.wording.slice(0, 2000),
      actorId: input.actorId ?? null,
      createdAt: at,
    })
    .returning();
  await tx
    .update(contacts)
    .set(
      input.channel === "email"
        ? { emailStatus: status, updatedAt: at }
        : { smsStatus: status, updatedAt: at },
    )
    .where(and(eq(contacts.id, input.contactId), eq(contacts.orgId, input.orgId)));
  const address = input.channel === "email" ? row.email : row.phone;
  if (address && input.action === "unsubscribe")
    await suppressAddress(tx, input.orgId, {
      channel: input.channel,
      address,
      reason: "unsubscribe",
      createdBy: input.actorId ?? null,
    });
  else if (address && liftsUnsubscribeSuppression(input.action, input.source, status))
    await liftUnsubscribeSuppression(tx, input.orgId, input.channel, address);
  return { event: event!, status, previous: current as ConsentStatus };
}

/**
 * Appends the same event for many contacts of one register in two statements (insert + status
 * update), by the same rules, for bulk writers. Contacts of other registers or organisations are
 * skipped by the WHERE clause. Suppressed addresses are not touched here: callers filter them.
 */
export async function recordConsentBulk(
  tx: Db,
  input: Omit<ConsentInput, "contactId" | "ip" | "phone"> & { contactIds: string[] },
) {
  if (input.contactIds.length === 0) return 0;
  if (input.action === "subscribe" && input.source === "form")
    throw new AppError("BAD_REQUEST", { message: "bulk form subscribes are not supported" });
  const status = statusAfter(input.action, input.source, false);
  const at = input.at ?? new Date();
  const ids = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        inArray(contacts.id, input.contactIds),
        eq(contacts.registerId, input.registerId),
        eq(contacts.orgId, input.orgId),
      ),
    );
  if (ids.length === 0) return 0;
  await tx.insert(consentEvents).values(
    ids.map((c) => ({
      orgId: input.orgId,
      registerId: input.registerId,
      contactId: c.id,
      channel: input.channel,
      action: input.action,
      source: input.source,
      wording: input.wording.slice(0, 2000),
      actorId: input.actorId ?? null,
      createdAt: at,
    })),
  );
  await tx
    .update(contacts)
    .set(input.channel === "email" ? { emailStatus: status } : { smsStatus: status })
    .where(
      and(
        inArray(
          contacts.id,
          ids.map((c) => c.id),
        ),
        eq(contacts.orgId, input.orgId),
      ),
    );
  return ids.length;
}

/** A contact's consent events, newest first (caller has loaded the contact org-scoped). */
export async function listConsentHistory(
  db: Db,
  orgId: string,
  contactId: string,
  opts: { order?: "asc" | "desc"; limit?: number } = {},
) {
  return db
    .select()
    .from(consentEvents)
    .where(and(eq(consentEvents.contactId, contactId), eq(consentEvents.orgId, orgId)))
    .orderBy(
      ...(opts.order === "asc"
        ? [asc(consentEvents.createdAt), asc(consentEvents.id)]
        : [desc(consentEvents.createdAt), desc(consentEvents.id)]),
    )
    .limit(opts.limit ?? 500);
}

/**
 * An editor records a consent change by hand (source manual) on a contact's channel. Refuses a
 * channel without an address, and a subscribe of a suppressed address (a main user must remove
 * the entry first). Audited as `consent.recorded`.
 */
export async function recordManualConsent(
  db: Db,
  orgId: string,
  actor: Actor,
  input: {
    registerId: string;
    contactId: string;
    channel: ConsentChannel;
    action: "subscribe" | "unsubscribe";
    wording: string;
  },
) {
  await authorizeActor(db, orgId, actor, "editor");
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select({ email: contacts.email, phone: contacts.phone })
      .from(contacts)
      .where(
        and(
          eq(contacts.id, input.contactId),
          eq(contacts.registerId, input.registerId),
          eq(contacts.orgId, orgId),
        ),
      );
    if (!c) throw new AppError("NOT_FOUND");
    const address = input.channel === "email" ? c.email : c.phone;
    if (!address) throw new AppError("BAD_REQUEST", { userMessage: "consent.errors.noAddress" });
    if (input.action === "subscribe" && (await isSuppressed(tx, orgId, input.channel, address)))
      throw new AppError("CONFLICT", { userMessage: "consent.errors.suppressed" });
    const r = await recordConsent(tx, {
      orgId,
      registerId: input.registerId,
      contactId: input.contactId,
      channel: input.channel,
      action: input.action,
      source: "manual",
      ip: actor.ip ?? null,
      wording: input.wording,
      actorId: actor.userId,
    });
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "consent.recorded",
      targetType: "contact",
      targetId: input.contactId,
      ip: actor.ip ?? null,
      details: { registerId: input.registerId, channel: input.channel, action: input.action },
    });
    return r;
  });
}

/** E-mail addresses of the users who recorded manual events (for the history's "by …"). */
export async function listConsentActors(db: Db, events: ConsentEvent[]) {
  const ids = [...new Set(events.map((e) => e.actorId).filter((x): x is string => Boolean(x)))];
  if (ids.length === 0) return {};
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.email]));
}
