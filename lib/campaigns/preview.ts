import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { contacts, emailSenders } from "@/db/schema";
import { env } from "@/lib/env";
import { contactMergeValues } from "@/lib/personalize/fields";
import type { MergeValue } from "@/lib/personalize/template";
import { listColumns } from "@/lib/registers/registers";
import {
  compileMessage,
  composeTestMessage,
  formatFrom,
  type PersonalizedMessage,
} from "./compose";
import { registerFieldNames } from "./merge-check";
import { ensureRendered, type RenderCampaign } from "./prepare";
import { getCampaignOrThrow, type Campaign } from "./queries";
import type { RenderedMessage } from "./render/types";

export type PickerContact = { id: string; label: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const labelOf = (c: {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
}) => {
  const name = `${c.firstName} ${c.lastName}`.trim();
  const addr = c.email ?? c.phone ?? "";
  return name ? `${name}${addr ? ` <${addr}>` : ""}` : addr || "–";
};

/** Up to 20 contacts of the campaign's register matching `q` (name or e-mail), for the picker. */
export async function searchPreviewContacts(
  db: Db,
  orgId: string,
  registerId: string,
  q: string,
): Promise<PickerContact[]> {
  const term = q
    .trim()
    .slice(0, 100)
    .replace(/[\\%_]/g, (m) => `\\${m}`);
  const rows = await db
    .select({
      id: contacts.id,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      email: contacts.email,
      phone: contacts.phone,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.registerId, registerId),
        term
          ? or(
              ilike(contacts.email, `%${term}%`),
              ilike(sql`${contacts.firstName} || ' ' || ${contacts.lastName}`, `%${term}%`),
            )
          : undefined,
      ),
    )
    .orderBy(asc(contacts.createdAt), asc(contacts.id))
    .limit(20);
  return rows.map((r) => ({ id: r.id, label: labelOf(r) }));
}

/** The chosen contact of the campaign's register (another register's or org's is ignored) or the first. */
async function previewContact(db: Db, c: Campaign, contactId: string | undefined) {
  const where = and(eq(contacts.orgId, c.orgId), eq(contacts.registerId, c.registerId));
  if (contactId && UUID.test(contactId)) {
    const [row] = await db
      .select()
      .from(contacts)
      .where(and(where, eq(contacts.id, contactId)));
    if (row) return row;
  }
  const [first] = await db
    .select()
    .from(contacts)
    .where(where)
    .orderBy(asc(contacts.createdAt), asc(contacts.id))
    .limit(1);
  return first ?? null;
}

export type CampaignPreview = {
  campaign: Campaign;
  rendered: RenderedMessage;
  /** The message as the chosen contact would get it in a test send ("[TEST] " not added here). */
  message: PersonalizedMessage;
  contact: PickerContact | null;
  from: string;
  /** True when the campaign has a verified sender (else test sends use the system address). */
  senderVerified: boolean;
};

/**
 * The campaign's message rendered once (stored per content version, see `ensureRendered`) and
 * personalised as one contact of its register, links to their real targets and no open pixel —
 * what the pre-flight previews, checks and test-sends. Another organisation's campaign is
 * NOT_FOUND; an unknown merge field throws the personalize error naming it.
 */
export async function loadCampaignPreview(
  db: Db,
  opts: { orgId: string; campaignId: string; contactId?: string; render: RenderCampaign },
): Promise<CampaignPreview> {
  const campaign = await getCampaignOrThrow(db, opts);
  const rendered = await ensureRendered(db, campaign, opts.render);
  const [contact, columns, fields, [sender]] = await Promise.all([
    previewContact(db, campaign, opts.contactId),
    listColumns(db, campaign.orgId, campaign.registerId),
    registerFieldNames(db, campaign.orgId, campaign.registerId),
    db
      .select({
        address: emailSenders.address,
        name: emailSenders.name,
        verifiedAt: emailSenders.verifiedAt,
      })
      .from(emailSenders)
      .where(
        and(
          eq(emailSenders.id, campaign.senderId ?? "00000000-0000-0000-0000-000000000000"),
          eq(emailSenders.orgId, campaign.orgId),
        ),
      ),
  ]);
  const values: Record<string, MergeValue> = contact ? contactMergeValues(contact, columns) : {};
  const compiled = compileMessage(rendered, { fields, trackOpens: false, trackClicks: false });
  const composed = composeTestMessage(compiled, values);
  const senderVerified = Boolean(sender?.verifiedAt);
  return {
    campaign,
    rendered,
    // composeTestMessage prefixes "[TEST] "; the preview shows the subject as recipients see it.
    message: { ...composed, subject: composed.subject.replace(/^\[TEST\] /, "") },
    contact: contact ? { id: contact.id, label: labelOf(contact) } : null,
    from:
      sender && senderVerified
        ? formatFrom(campaign.fromName || sender.name, sender.address)
        : env().EMAIL_FROM,
    senderVerified,
  };
}
