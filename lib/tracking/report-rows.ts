import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";

/** People per page in the report's "who opened / who clicked" lists. */
export const PEOPLE_PAGE = 50;

export type EngagedPerson = {
  deliveryId: number;
  address: string;
  contactId: string | null;
  registerId: string | null;
  name: string;
  at: Date;
};

/**
 * One page of the recipients who opened (or clicked) the campaign, first engaged first, with
 * their contact (null once deleted) for the link to the contact page; plus the total.
 */
export async function listEngaged(
  db: Db,
  orgId: string,
  campaignId: string,
  kind: "opened" | "clicked",
  page = 0,
): Promise<{ rows: EngagedPerson[]; total: number }> {
  const col = kind === "opened" ? sql.raw("d.opened_at") : sql.raw("d.clicked_at");
  const p = Math.max(0, Math.floor(page));
  const [rows, [count]] = await Promise.all([
    queryRows<{
      id: number;
      address: string;
      contact_id: string | null;
      register_id: string | null;
      name: string | null;
      at: string | Date;
    }>(
      db,
      sql`select d.id, d.address, ct.id as contact_id, ct.register_id,
            trim(ct.first_name || ' ' || ct.last_name) as name, ${col} as at
          from deliveries d
          left join contacts ct on ct.id = d.contact_id and ct.org_id = d.org_id
          where d.campaign_id = ${campaignId}::uuid and d.org_id = ${orgId}::uuid
            and ${col} is not null
          order by ${col}, d.id limit ${PEOPLE_PAGE} offset ${p * PEOPLE_PAGE}`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from deliveries d
          where d.campaign_id = ${campaignId}::uuid and d.org_id = ${orgId}::uuid
            and ${col} is not null`,
    ),
  ]);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      deliveryId: Number(r.id),
      address: r.address,
      contactId: r.contact_id,
      registerId: r.register_id,
      name: r.name ?? "",
      at: new Date(r.at),
    })),
  };
}

/** One recipient's row of the report export; times are Helsinki wall-clock "yyyy-mm-dd hh:mm". */
export type RecipientRow = {
  id: number;
  address: string;
  name: string;
  status: string;
  bounceKind: string | null;
  sent: string | null;
  delivered: string | null;
  opened: string | null;
  clicked: string | null;
  bounced: string | null;
  unsubscribed: string | null;
  /** SMS: parts sent (as billed); null before sending and for e-mail. */
  parts: number | null;
  /** Why the message failed (or the last transient error while it waits for a retry). */
  error: string | null;
};

const EXPORT_BATCH = 2000;
const hel = (col: string) =>
  sql.raw(`to_char(d.${col} at time zone 'Europe/Helsinki', 'YYYY-MM-DD HH24:MI')`);

/** Every recipient of the campaign in keyset batches by delivery id (one batch in memory). */
export async function* recipientRows(
  db: Db,
  orgId: string,
  campaignId: string,
): AsyncGenerator<RecipientRow[]> {
  let after = 0;
  for (;;) {
    const rows = await queryRows<RecipientRow>(
      db,
      sql`select d.id, d.address, coalesce(trim(ct.first_name || ' ' || ct.last_name), '') as name,
            d.status::text as status, d.bounce_kind as "bounceKind",
            ${hel("sent_at")} as sent, ${hel("delivered_at")} as delivered,
            ${hel("opened_at")} as opened, ${hel("clicked_at")} as clicked,
            ${hel("bounced_at")} as bounced, ${hel("unsubscribed_at")} as unsubscribed,
            d.parts, d.error
          from deliveries d
          left join contacts ct on ct.id = d.contact_id and ct.org_id = d.org_id
          where d.campaign_id = ${campaignId}::uuid and d.org_id = ${orgId}::uuid and d.id > ${after}
          order by d.id limit ${EXPORT_BATCH}`,
    );
    if (rows.length === 0) return;
    yield rows;
    after = Number(rows[rows.length - 1]!.id);
    if (rows.length < EXPORT_BATCH) return;
  }
}

/** A contact's messages for the contact page's history, newest first (org-scoped). */
export async function listContactMessages(db: Db, orgId: string, contactId: string, limit = 100) {
  const rows = await queryRows<{
    campaign_id: string;
    name: string;
    channel: "email" | "sms";
    status: string;
    sent_at: string | Date | null;
    opened_at: string | Date | null;
    clicked_at: string | Date | null;
    bounced_at: string | Date | null;
    bounce_kind: string | null;
    unsubscribed_at: string | Date | null;
  }>(
    db,
    sql`select c.id as campaign_id, c.name, c.channel, d.status::text as status, d.sent_at,
          d.opened_at, d.clicked_at, d.bounced_at, d.bounce_kind, d.unsubscribed_at
        from deliveries d join campaigns c on c.id = d.campaign_id and c.org_id = d.org_id
        where d.contact_id = ${contactId}::uuid and d.org_id = ${orgId}::uuid
        order by coalesce(d.sent_at, d.created_at) desc, d.id desc limit ${limit}`,
  );
  const date = (v: string | Date | null) => (v ? new Date(v) : null);
  return rows.map((r) => ({
    campaignId: r.campaign_id,
    name: r.name,
    channel: r.channel,
    status: r.status,
    sentAt: date(r.sent_at),
    openedAt: date(r.opened_at),
    clickedAt: date(r.clicked_at),
    bouncedAt: date(r.bounced_at),
    bounceKind: r.bounce_kind,
    unsubscribedAt: date(r.unsubscribed_at),
  }));
}
export type ContactMessage = Awaited<ReturnType<typeof listContactMessages>>[number];
