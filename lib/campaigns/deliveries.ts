import { eq, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { campaigns } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { audienceRows } from "./audience";

/**
 * Dispatch state (E8, S1; ARCHITECTURE §2). A campaign's audience is materialized once, in SQL,
 * into one delivery row per recipient; senders claim queued rows in batches with SKIP LOCKED
 * under a lease and record the outcome. Everything here is idempotent: a rerun after a crash, a
 * duplicate job or a second runner can neither add a recipient twice nor send a row twice.
 */

export type Campaign = typeof campaigns.$inferSelect;

export type ClaimedDelivery = {
  id: number;
  contactId: string | null;
  address: string;
  attempts: number;
};

/**
 * Who a campaign goes to: the register's (or segment's) contacts with an address on the
 * campaign's channel whose consent for that channel is `subscribed`, minus the organisation's
 * suppressed addresses, one row per address. Runs once per campaign: the first call inserts and
 * stamps `materializedAt` in one transaction, later calls return the stored count. A campaign
 * whose segment was deleted is refused (CONFLICT) rather than sent to the whole register.
 */
export async function materializeAudience(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<number> {
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const [c] = await queryRows<{
      id: string;
      channel: "email" | "sms";
      register_id: string;
      audience: "register" | "segment";
      segment_id: string | null;
      recipients: number | null;
      materialized_at: string | null;
    }>(
      tx,
      sql`select id, channel, register_id, audience, segment_id, recipients, materialized_at
          from campaigns where id = ${campaignId}::uuid and org_id = ${orgId}::uuid for update`,
    );
    if (!c) throw new AppError("NOT_FOUND");
    if (c.materialized_at) return Number(c.recipients ?? 0);
    const rows = await audienceRows(tx, orgId, {
      channel: c.channel,
      registerId: c.register_id,
      audience: c.audience,
      segmentId: c.segment_id,
    });
    const [r] = await queryRows<{ n: number }>(
      tx,
      sql`
      with ins as (
        insert into deliveries (campaign_id, org_id, contact_id, address)
        select distinct on (a.address) ${campaignId}::uuid, ${orgId}::uuid, a.id, a.address
        from (${rows}) a
        order by a.address, a.created_at, a.id
        on conflict do nothing
        returning 1
      ) select count(*)::int as n from ins`,
    );
    const n = Number(r?.n ?? 0);
    // An SMS send is billed at the price per part of the moment it started (S3).
    await tx
      .update(campaigns)
      .set({
        recipients: n,
        materializedAt: new Date(),
        updatedAt: new Date(),
        ...(c.channel === "sms"
          ? {
              smsPartPriceCents: sql`(select sms_part_price_cents from organizations
                                      where id = ${orgId}::uuid)`,
            }
          : {}),
      })
      .where(eq(campaigns.id, campaignId));
    return n;
  });
}

/**
 * Claims up to `limit` queued deliveries of a campaign whose lease is free or expired, leasing
 * them for `leaseMs`. Concurrent claimers get disjoint rows (SKIP LOCKED). A row whose sender
 * crashed comes back after its lease; the provider call uses the delivery id as its
 * idempotency key, so a resend after a crash between "provider accepted" and `markSent` is
 * recognised by the provider rather than delivered twice.
 */
export async function claimDeliveries(
  db: Db,
  campaignId: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const rows = await queryRows<{
    id: number;
    contact_id: string | null;
    address: string;
    attempts: number;
  }>(
    db,
    sql`
    update deliveries d set claimed_until = now() + (${leaseMs}::int * interval '1 millisecond'),
                            attempts = d.attempts + 1
    where d.id in (
      select id from deliveries
      where campaign_id = ${campaignId}::uuid and status = 'queued'
        and (claimed_until is null or claimed_until < now())
      order by id limit ${limit}
      for update skip locked)
    returning d.id, d.contact_id, d.address, d.attempts`,
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      contactId: r.contact_id,
      address: r.address,
      attempts: Number(r.attempts),
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Records what the provider accepted. Only rows still queued change, so a late duplicate
 * report of the same batch is a no-op; returns how many rows changed.
 */
/**
 * Row locks for a multi-row update of deliveries, taken in id order. Every statement that
 * updates several delivery rows at once (marking a batch sent, releasing it, a batch of
 * delivery reports) locks through this, so two of them can never wait for each other in a
 * cycle (a deadlock) however their rows overlap. `ids` is a query returning one `id` column.
 */
export function lockInIdOrder(ids: SQL) {
  return sql`select d.id from deliveries d where d.id in (${ids}) order by d.id for update of d`;
}

export async function markSent(
  db: Db,
  campaignId: string,
  sent: { id: number; providerId: string | null; parts?: number }[],
): Promise<number> {
  if (sent.length === 0) return 0;
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`
    with v as (
      select * from jsonb_to_recordset(${JSON.stringify(
        sent.map((s) => ({ id: s.id, provider_id: s.providerId, parts: s.parts ?? null })),
      )}::jsonb) as v(id bigint, provider_id text, parts smallint)
    ), locked as (${lockInIdOrder(sql`select id from v`)}),
    upd as (
      update deliveries d set status = 'sent', provider_id = v.provider_id, sent_at = now(),
                              parts = v.parts, claimed_until = null, error = null
      from v
      where d.id = v.id and d.id in (select id from locked)
        and d.campaign_id = ${campaignId}::uuid and d.status = 'queued'
      returning 1
    ) select count(*)::int as n from upd`,
  );
  return Number(r?.n ?? 0);
}

/**
 * Records a failed attempt: a permanent error ends the row as `failed`; a transient one keeps
 * it queued and leases it for `retryInMs`, after which any sender may claim it again.
 */
export async function markFailed(
  db: Db,
  campaignId: string,
  id: number,
  error: string,
  opts: { permanent: boolean; retryInMs?: number },
): Promise<void> {
  await db.execute(sql`
    update deliveries set
      status = ${opts.permanent ? "failed" : "queued"}::delivery_status,
      error = ${error.slice(0, 1000)},
      claimed_until = case when ${opts.permanent}::boolean then null
        else now() + (${opts.retryInMs ?? 60_000}::int * interval '1 millisecond') end
    where id = ${id} and campaign_id = ${campaignId}::uuid and status = 'queued'`);
}

/**
 * Gives claimed rows back untouched when the channel itself is down (gateway unreachable, queue
 * full): the attempt is not counted against the recipients, so an outage of any length never
 * turns into permanent failures; the rows wait `retryInMs` before anyone claims them again.
 */
export async function releaseDeliveries(
  db: Db,
  campaignId: string,
  ids: number[],
  error: string,
  retryInMs: number,
): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    with locked as (${lockInIdOrder(
      sql`select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::bigint`,
    )})
    update deliveries set
      attempts = greatest(attempts - 1, 0),
      error = ${error.slice(0, 1000)},
      claimed_until = now() + (${retryInMs}::int * interval '1 millisecond')
    where campaign_id = ${campaignId}::uuid and status = 'queued'
      and id in (select id from locked)`);
}

/** Counts per status for the progress bar and ETA (one indexed read). */
export async function deliveryCounts(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<Record<"queued" | "sent" | "delivered" | "failed" | "bounced", number>> {
  const rows = await queryRows<{ status: string; n: number }>(
    db,
    sql`select status, count(*)::int as n from deliveries
        where campaign_id = ${campaignId}::uuid and org_id = ${orgId}::uuid group by status`,
  );
  const out = { queued: 0, sent: 0, delivered: 0, failed: 0, bounced: 0 };
  for (const r of rows) out[r.status as keyof typeof out] = Number(r.n);
  return out;
}
