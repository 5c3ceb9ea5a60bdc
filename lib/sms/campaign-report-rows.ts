import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/** Recipients per page in the SMS report's list. */
export const SMS_RECIPIENTS_PAGE = 50;

/** The list's status filter: one delivery status, or every recipient. */
export const SMS_STATUS_FILTERS = ["all", "queued", "sent", "delivered", "failed"] as const;
export type SmsStatusFilter = (typeof SMS_STATUS_FILTERS)[number];

/** A filter from a query-string value; anything unknown is "all". */
export const parseSmsStatusFilter = (v: string | undefined): SmsStatusFilter =>
  (SMS_STATUS_FILTERS as readonly string[]).includes(v ?? "") ? (v as SmsStatusFilter) : "all";

export type SmsRecipient = {
  deliveryId: number;
  number: string;
  /** Null once the contact is deleted (the delivery stays for the report). */
  contactId: string | null;
  registerId: string | null;
  name: string;
  status: "queued" | "sent" | "delivered" | "failed" | "bounced";
  parts: number | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  error: string | null;
};

/**
 * One page of an SMS campaign's recipients in delivery order, optionally of one status, with
 * the contact's name while the contact exists; plus the total for the pager. Org-scoped.
 */
export async function listSmsRecipients(
  db: Db,
  orgId: string,
  campaignId: string,
  opts: { status?: SmsStatusFilter; page?: number } = {},
): Promise<{ rows: SmsRecipient[]; total: number }> {
  const p = Math.max(0, Math.floor(opts.page ?? 0));
  const status = opts.status ?? "all";
  const where = sql`d.campaign_id = ${campaignId}::uuid and d.org_id = ${orgId}::uuid
    ${status === "all" ? sql`` : sql`and d.status = ${status}::delivery_status`}`;
  const [rows, [count]] = await Promise.all([
    queryRows<{
      id: number;
      address: string;
      contact_id: string | null;
      register_id: string | null;
      name: string | null;
      status: SmsRecipient["status"];
      parts: number | null;
      sent_at: string | Date | null;
      delivered_at: string | Date | null;
      error: string | null;
    }>(
      db,
      sql`select d.id, d.address, ct.id as contact_id, ct.register_id,
            trim(ct.first_name || ' ' || ct.last_name) as name, d.status::text as status,
            d.parts, d.sent_at, d.delivered_at, d.error
          from deliveries d
          left join contacts ct on ct.id = d.contact_id and ct.org_id = d.org_id
          where ${where}
          order by d.id limit ${SMS_RECIPIENTS_PAGE} offset ${p * SMS_RECIPIENTS_PAGE}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from deliveries d where ${where}`),
  ]);
  const date = (v: string | Date | null) => (v ? new Date(v) : null);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      deliveryId: Number(r.id),
      number: r.address,
      contactId: r.contact_id,
      registerId: r.register_id,
      name: r.name ?? "",
      status: r.status,
      parts: r.parts === null ? null : Number(r.parts),
      sentAt: date(r.sent_at),
      deliveredAt: date(r.delivered_at),
      // A queued row's error is the last transient failure; shown too ("retrying: …").
      error: r.error,
    })),
  };
}
