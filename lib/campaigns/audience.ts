import { and, eq, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { contacts, segments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { EMPTY_FILTER } from "@/lib/segments/schemas";
import { compileForRegister, segmentCondition } from "@/lib/segments/segments";

export type AudienceTarget = {
  channel: "email" | "sms";
  registerId: string;
  audience: "register" | "segment";
  segmentId: string | null;
};

/**
 * The rows a campaign goes to, as SQL selecting `id, address, created_at`: the register's (or
 * segment's) contacts with an address on the channel (for SMS a valid E.164 number) whose
 * consent for it is `subscribed`,
 * minus the organisation's suppressed addresses. Not yet one row per address (the caller picks
 * distinct addresses). The one definition of an audience: materializing, counting and the
 * preview contacts all use it. A segment that is gone (or of another register) is CONFLICT.
 */
export async function audienceRows(db: Db, orgId: string, t: AudienceTarget): Promise<SQL> {
  let where: SQL;
  if (t.audience === "segment") {
    const [segment] = t.segmentId
      ? await db
          .select()
          .from(segments)
          .where(and(eq(segments.id, t.segmentId), eq(segments.orgId, orgId)))
      : [];
    if (!segment || segment.registerId !== t.registerId)
      throw new AppError("CONFLICT", { userMessage: "campaigns.errors.segmentGone" });
    where = await segmentCondition(db, orgId, segment);
  } else {
    where = await compileForRegister(db, orgId, t.registerId, EMPTY_FILTER);
  }
  const email = t.channel === "email";
  const address = email ? sql`lower(contacts.email)` : sql`contacts.phone`;
  const consent = email
    ? sql`contacts.email is not null and contacts.email_status = 'subscribed'`
    : // Only numbers in E.164 (what lib/sms/phone.ts normalizes to): a malformed one stored
      // around validation is never queued, so no gateway sees it.
      sql`contacts.phone ~ '^[+][1-9][0-9]{6,14}$' and contacts.sms_status = 'subscribed'`;
  // The suppression hash is addressHash() of lib/consent/address-hash.ts, computed in SQL.
  return sql`
    select a.id, a.address, a.created_at from (
      select contacts.id, ${address} as address, contacts.created_at
      from contacts
      where ${where} and ${consent}
    ) a
    where not exists (
      select 1 from suppressions s
      where s.org_id = ${orgId}::uuid and s.channel = ${t.channel}::consent_channel
        and s.hash = encode(sha256(convert_to(${`${t.channel}:`} || a.address, 'UTF8')), 'hex'))`;
}

/** How many recipients a campaign to `t` would have now (distinct addresses; org-scoped). */
export async function countAudience(db: Db, orgId: string, t: AudienceTarget): Promise<number> {
  const rows = await audienceRows(db, orgId, t);
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`select count(distinct r.address)::int as n from (${rows}) r`,
  );
  return Number(r?.n ?? 0);
}

/** The first `limit` contacts of the audience (oldest first), for previews; org-scoped. */
export async function audienceContacts(db: Db, orgId: string, t: AudienceTarget, limit = 20) {
  const rows = await audienceRows(db, orgId, t);
  const ids = await queryRows<{ id: string }>(
    db,
    sql`select r.id from (${rows}) r order by r.created_at, r.id limit ${limit}`,
  );
  if (ids.length === 0) return [];
  const found = await db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        sql`${contacts.id} in (${sql.join(
          ids.map((r) => sql`${r.id}::uuid`),
          sql`, `,
        )})`,
      ),
    );
  const order = new Map(ids.map((r, i) => [r.id, i]));
  return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
