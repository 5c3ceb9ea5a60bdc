import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { suppressAddress } from "@/lib/consent/suppressions";

/**
 * Engagement and provider events of one delivery (E9). Each event is one row of `email_events`,
 * written at most once per `dedupeKey`; the delivery's first-occurrence columns (`openedAt`,
 * `clickedAt`, …) are set in the same statement and only while still null, so the report's
 * unique counts read the delivery row and its totals count the events.
 *
 * A click also counts as an open when none was recorded: image blocking (and Apple Mail Privacy
 * Protection's prefetching, the other way round) makes the pixel unreliable, but a person who
 * clicked certainly opened. The implied open is recorded as an `open` event (detail "click"),
 * so unique opens never exceed total opens.
 */

export type EmailEventType =
  "delivered" | "open" | "click" | "bounce" | "complaint" | "unsubscribe";

export type RecordEventInput = {
  deliveryId: number;
  type: EmailEventType;
  linkIdx?: number | null;
  detail?: string | null;
  /** Unique per real-world occurrence: a provider event id, `open:<delivery>:<minute>`, … */
  dedupeKey: string;
  /** For bounces: "hard" (permanent) suppresses the address, "soft" (transient) does not. */
  bounceKind?: "hard" | "soft";
  at?: Date;
};

export type RecordedEvent = {
  /** False when the dedupe key was already recorded or the delivery does not exist. */
  recorded: boolean;
  delivery: {
    orgId: string;
    campaignId: string;
    contactId: string | null;
    address: string;
  } | null;
};

/** The delivery columns an event sets (first occurrence only). */
function firstOccurrence(type: EmailEventType, at: string, kind: "hard" | "soft" | null) {
  switch (type) {
    case "delivered":
      return sql`delivered_at = coalesce(d.delivered_at, ${at}::timestamptz),
        status = case when d.status = 'sent' then 'delivered'::delivery_status else d.status end`;
    case "open":
      return sql`opened_at = coalesce(d.opened_at, ${at}::timestamptz)`;
    case "click":
      return sql`clicked_at = coalesce(d.clicked_at, ${at}::timestamptz),
        opened_at = coalesce(d.opened_at, ${at}::timestamptz)`;
    case "bounce":
      // A later hard bounce upgrades an earlier soft one; the first time stays.
      return sql`bounced_at = coalesce(d.bounced_at, ${at}::timestamptz),
        bounce_kind = case when ${kind} = 'hard' then 'hard' else coalesce(d.bounce_kind, ${kind}) end,
        status = case when ${kind} = 'hard' then 'bounced'::delivery_status else d.status end`;
    case "complaint":
      return sql`complained_at = coalesce(d.complained_at, ${at}::timestamptz)`;
    case "unsubscribe":
      return sql`unsubscribed_at = coalesce(d.unsubscribed_at, ${at}::timestamptz)`;
  }
}

/**
 * Records one event for a delivery idempotently, in ONE statement: inserts the event (nothing
 * when its dedupe key exists), then sets the delivery's first-occurrence timestamp while null
 * (and for a click the implied open). Tokens are global, so the delivery itself scopes the event
 * to its organisation and campaign. Side effects beyond the row: none (see `recordProviderEvent`).
 */
export async function recordEvent(db: Db, input: RecordEventInput): Promise<RecordedEvent> {
  const at = (input.at ?? new Date()).toISOString();
  const kind = input.type === "bounce" ? (input.bounceKind ?? "soft") : null;
  const implied =
    input.type === "click"
      ? sql`, implied as (
          insert into email_events (org_id, campaign_id, delivery_id, type, detail, dedupe_key, occurred_at)
          select org_id, campaign_id, id, 'open', 'click', ${`open:${input.deliveryId}:implied`}, ${at}::timestamptz
          from d0 where opened_at is null and exists (select 1 from ins)
          on conflict (dedupe_key) do nothing returning 1)`
      : sql``;
  const [row] = await queryRows<{
    recorded: boolean;
    org_id: string | null;
    campaign_id: string | null;
    contact_id: string | null;
    address: string | null;
  }>(
    db,
    sql`
    with d0 as (
      select id, org_id, campaign_id, contact_id, address, opened_at from deliveries
      where id = ${input.deliveryId}
    ), ins as (
      insert into email_events (org_id, campaign_id, delivery_id, type, link_idx, detail, dedupe_key, occurred_at)
      select org_id, campaign_id, id, ${input.type}::email_event_type, ${input.linkIdx ?? null}::int,
             ${input.detail?.slice(0, 1000) ?? null}, ${input.dedupeKey.slice(0, 300)}, ${at}::timestamptz
      from d0
      on conflict (dedupe_key) do nothing
      returning delivery_id
    )${implied}, upd as (
      update deliveries d set ${firstOccurrence(input.type, at, kind)}
      where d.id in (select delivery_id from ins)
      returning d.id
    )
    select exists (select 1 from upd) as recorded, d0.org_id, d0.campaign_id, d0.contact_id, d0.address
    from (select 1) one left join d0 on true`,
  );
  if (!row?.org_id) return { recorded: false, delivery: null };
  return {
    recorded: Boolean(row.recorded),
    delivery: {
      orgId: row.org_id,
      campaignId: row.campaign_id!,
      contactId: row.contact_id,
      address: row.address!,
    },
  };
}

/**
 * Records a provider fact (delivered, bounce, complaint) and, the first time only, its
 * consequence: a hard bounce or a complaint puts the address on the organisation's suppression
 * list (reason bounce/complaint), so no later campaign of that organisation mails it. No consent
 * event is written: `lib/consent/rules.ts` has no source for provider feedback, a bounce is not a
 * choice of the person, and the suppression (never lifted by consent events) is what excludes
 * the address. Event and suppression commit together.
 */
export async function recordProviderEvent(db: Db, input: RecordEventInput) {
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const r = await recordEvent(tx, input);
    const reason =
      input.type === "complaint"
        ? "complaint"
        : input.type === "bounce" && input.bounceKind === "hard"
          ? "bounce"
          : null;
    if (r.recorded && r.delivery && reason)
      await suppressAddress(tx, r.delivery.orgId, {
        channel: "email",
        address: r.delivery.address,
        reason,
        note: input.detail ?? "",
      });
    return r;
  });
}
