import { sql } from "drizzle-orm";
import { queryRows } from "@/db";
import { contacts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  registerFieldSource,
  type FieldKind,
  type FieldSource,
  type ResolvedField,
} from "@/lib/segments/fields";

/**
 * Segment filters on campaign engagement (E11): "opened campaign X", "clicked campaign X" and
 * "received campaign X but did not open it". Each compiles to ONE `EXISTS` over the contact's
 * deliveries, probed through `deliveries_contact_idx` (contact_id); the campaign id is a bound
 * parameter. A campaign of another organisation or register matches nobody (the delivery must
 * belong to the contact, which is already scoped to the organisation and register).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function delivered(campaignId: string, extra: ReturnType<typeof sql>) {
  if (!UUID.test(campaignId))
    throw new AppError("BAD_REQUEST", {
      message: "bad campaign id in a segment filter",
      userMessage: "segments.errors.badValue|field=campaign",
    });
  return sql`exists (select 1 from deliveries d
    where d.contact_id = ${contacts.id} and d.org_id = ${contacts.orgId}
      and d.campaign_id = ${campaignId}::uuid and ${extra})`;
}

const engagementKind: FieldKind<null> = {
  id: "engagement",
  operators: {
    opened: {
      value: "option",
      build: (_t, v: string) => delivered(v, sql`d.opened_at is not null`),
    },
    clicked: {
      value: "option",
      build: (_t, v: string) => delivered(v, sql`d.clicked_at is not null`),
    },
    not_opened: {
      value: "option",
      build: (_t, v: string) => delivered(v, sql`d.sent_at is not null and d.opened_at is null`),
    },
  },
};

const FIELD: ResolvedField = {
  field: "campaign",
  label: "segments.fields.campaign",
  builtIn: true,
  kind: engagementKind as FieldKind<never>,
  target: null,
};

/** The field source of campaign engagement; its choices are the register's sent e-mail campaigns. */
export const engagementSource: FieldSource = {
  list: () => [FIELD],
  resolve: (field) => (field === "campaign" ? FIELD : undefined),
  loadOptions: async (db, orgId, registerId) => {
    const rows = await queryRows<{ id: string; name: string }>(
      db,
      sql`select id, name from campaigns
          where org_id = ${orgId}::uuid and register_id = ${registerId}::uuid
            and channel = 'email' and materialized_at is not null
          order by materialized_at desc limit 200`,
    );
    return {
      campaign: {
        values: rows.map((r) => r.id),
        labels: Object.fromEntries(rows.map((r) => [r.id, r.name])),
      },
    };
  },
};

registerFieldSource(engagementSource);
