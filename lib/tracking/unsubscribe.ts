import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { recordConsent } from "@/lib/consent/ledger";
import type { ConsentChannel, ConsentStatus } from "@/lib/consent/rules";
import { isSuppressed, suppressAddress } from "@/lib/consent/suppressions";
import { AppError } from "@/lib/errors";
import { recordEvent } from "./events";
import { verifyToken } from "./tokens";

/**
 * Unsubscribe and the preference centre (E10). Everything is authorized by the signed
 * unsubscribe token alone (a recipient has no session): it names one delivery, and through it
 * one organisation and one address. The person may change only contacts of that organisation
 * whose e-mail is that address.
 */

export type UnsubscribeContext = {
  deliveryId: number;
  orgId: string;
  orgName: string;
  campaignId: string;
  campaignName: string;
  registerId: string;
  registerName: string;
  address: string;
  /** Null when the contact has been deleted or erased since the message was sent. */
  contactId: string | null;
  emailStatus: ConsentStatus | null;
  unsubscribedAt: Date | null;
};

/** The delivery, campaign and contact an unsubscribe token names; null for a forged token. */
export async function loadUnsubscribe(db: Db, token: string): Promise<UnsubscribeContext | null> {
  const v = verifyToken("unsubscribe", token);
  if (!v) return null;
  const [r] = await queryRows<{
    org_id: string;
    org_name: string;
    campaign_id: string;
    campaign_name: string;
    register_id: string;
    register_name: string;
    address: string;
    contact_id: string | null;
    email_status: ConsentStatus | null;
    unsubscribed_at: string | Date | null;
  }>(
    db,
    sql`select d.org_id, o.name as org_name, c.id as campaign_id, c.name as campaign_name,
          r.id as register_id, r.name as register_name, d.address,
          ct.id as contact_id, ct.email_status, d.unsubscribed_at
        from deliveries d
        join campaigns c on c.id = d.campaign_id and c.org_id = d.org_id
        join organizations o on o.id = d.org_id
        join registers r on r.id = c.register_id and r.org_id = d.org_id
        left join contacts ct on ct.id = d.contact_id and ct.org_id = d.org_id
        where d.id = ${v.deliveryId}`,
  );
  if (!r) return null;
  return {
    deliveryId: v.deliveryId,
    orgId: r.org_id,
    orgName: r.org_name,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    registerId: r.register_id,
    registerName: r.register_name,
    address: r.address,
    contactId: r.contact_id,
    emailStatus: r.email_status,
    unsubscribedAt: r.unsubscribed_at ? new Date(r.unsubscribed_at) : null,
  };
}

/**
 * Unsubscribes the recipient of a delivery at once (RFC 8058 one-click POST, or the confirm
 * page's button): a consent event (email, source link, the wording) on the contact of the
 * campaign's register, which also suppresses the address; the delivery's `unsubscribedAt` and
 * an `unsubscribe` event. Idempotent: a second call adds nothing. A deleted contact's address
 * is still suppressed. NOT_FOUND for a forged token.
 */
export async function unsubscribeByToken(
  db: Db,
  token: string,
  opts: { ip?: string | null; wording: string; at?: Date },
): Promise<UnsubscribeContext> {
  const ctx = await loadUnsubscribe(db, token);
  if (!ctx) throw new AppError("NOT_FOUND");
  const at = opts.at ?? new Date();
  await db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    if (ctx.contactId && ctx.emailStatus !== "unsubscribed")
      await recordConsent(tx, {
        orgId: ctx.orgId,
        registerId: ctx.registerId,
        contactId: ctx.contactId,
        channel: "email",
        action: "unsubscribe",
        source: "link",
        ip: opts.ip ?? null,
        wording: opts.wording,
        at,
      });
    else
      await suppressAddress(tx, ctx.orgId, {
        channel: "email",
        address: ctx.address,
        reason: "unsubscribe",
      });
    await recordEvent(tx, {
      deliveryId: ctx.deliveryId,
      type: "unsubscribe",
      dedupeKey: `unsubscribe:${ctx.deliveryId}`,
      at,
    });
  });
  return { ...ctx, emailStatus: ctx.contactId ? "unsubscribed" : null, unsubscribedAt: at };
}

export type PreferenceRow = {
  contactId: string;
  registerId: string;
  registerName: string;
  email: string | null;
  phone: string | null;
  emailStatus: ConsentStatus;
  smsStatus: ConsentStatus;
};

/**
 * The preference centre: every register of the token's organisation where a contact has the
 * delivery's address, with that contact's status per channel. Null for a forged token; an empty
 * list when the person has been removed from every register.
 */
export async function loadPreferences(db: Db, token: string) {
  const ctx = await loadUnsubscribe(db, token);
  if (!ctx) return null;
  const rows = await queryRows<{
    contact_id: string;
    register_id: string;
    register_name: string;
    email: string | null;
    phone: string | null;
    email_status: ConsentStatus;
    sms_status: ConsentStatus;
  }>(
    db,
    sql`select ct.id as contact_id, r.id as register_id, r.name as register_name, ct.email,
          ct.phone, ct.email_status, ct.sms_status
        from registers r
        join contacts ct on ct.register_id = r.id and ct.org_id = r.org_id
        where r.org_id = ${ctx.orgId}::uuid and lower(ct.email) = ${ctx.address}
        order by r.name, r.id`,
  );
  const emailSuppressed = await isSuppressed(db, ctx.orgId, "email", ctx.address);
  return {
    ctx,
    emailSuppressed,
    rows: rows.map((r): PreferenceRow => ({
      contactId: r.contact_id,
      registerId: r.register_id,
      registerName: r.register_name,
      email: r.email,
      phone: r.phone,
      emailStatus: r.email_status,
      smsStatus: r.sms_status,
    })),
  };
}

/**
 * A change in the preference centre: one consent event (source link) on one of the person's
 * contacts. Subscribing e-mail is recorded as `confirm` — the person proved the address by
 * opening a link sent to it, which is the confirmed opt-in that lifts an "unsubscribe"
 * suppression (rules.ts); SMS is a plain `subscribe`. A contact not reachable from the token is
 * NOT_FOUND; a channel without an address is BAD_REQUEST.
 */
export async function setPreference(
  db: Db,
  token: string,
  input: { contactId: string; channel: ConsentChannel; subscribe: boolean },
  opts: { ip?: string | null; wording: string },
) {
  const prefs = await loadPreferences(db, token);
  const row = prefs?.rows.find((r) => r.contactId === input.contactId);
  if (!prefs || !row) throw new AppError("NOT_FOUND");
  const address = input.channel === "email" ? row.email : row.phone;
  if (!address) throw new AppError("BAD_REQUEST", { userMessage: "unsubscribe.errors.noAddress" });
  const current = input.channel === "email" ? row.emailStatus : row.smsStatus;
  if ((current === "subscribed") === input.subscribe) return current;
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const r = await recordConsent(tx, {
      orgId: prefs.ctx.orgId,
      registerId: row.registerId,
      contactId: row.contactId,
      channel: input.channel,
      action: !input.subscribe
        ? "unsubscribe"
        : input.channel === "email"
          ? "confirm"
          : "subscribe",
      source: "link",
      ip: opts.ip ?? null,
      wording: opts.wording,
    });
    return r.status;
  });
}
