import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { organizations, registers } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { mergeFields, type MergeField } from "@/lib/personalize/fields";
import { listColumns } from "@/lib/registers/registers";
import { audienceContacts, countAudience } from "./audience";
import { loadCampaignForPage } from "./queries";
import { isContentEditable } from "./save-content";
import { smsMaxParts } from "./sms-text";

export type SmsContentPage = {
  campaign: {
    id: string;
    name: string;
    registerName: string;
    editable: boolean;
    textBody: string;
    contentVersion: number;
    smsSender: string | null;
  };
  fields: MergeField[];
  /** Recipients now (SMS consent, a phone, not suppressed); null when the segment is unusable. */
  recipients: number | null;
  /** The first audience contacts, for the personalized preview. */
  contacts: { id: string; label: string }[];
  pricePerPartCents: number;
  maxParts: number;
};

/** Everything the SMS content page shows (404 for another organisation's or an e-mail campaign). */
export async function loadSmsContentPage(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<SmsContentPage | null> {
  const c = await loadCampaignForPage(db, orgId, campaignId);
  if (c.channel !== "sms") return null;
  // A deleted segment (or one whose filter no longer compiles) leaves no audience to count.
  const gone = (err: unknown) => {
    if (isAppError(err)) return null;
    throw err;
  };
  const [columns, [register], [org], recipients, people] = await Promise.all([
    listColumns(db, orgId, c.registerId),
    db.select({ name: registers.name }).from(registers).where(eq(registers.id, c.registerId)),
    db
      .select({ price: organizations.smsPartPriceCents })
      .from(organizations)
      .where(eq(organizations.id, orgId)),
    countAudience(db, orgId, c).catch(gone),
    audienceContacts(db, orgId, c).catch(gone),
  ]);
  return {
    campaign: {
      id: c.id,
      name: c.name,
      registerName: register?.name ?? "",
      editable: isContentEditable(c.status),
      textBody: c.textBody ?? "",
      contentVersion: c.contentVersion,
      smsSender: c.smsSender,
    },
    fields: mergeFields(columns),
    recipients,
    contacts: (people ?? []).map((p) => ({
      id: p.id,
      label: `${`${p.firstName} ${p.lastName}`.trim() || "–"} (${p.phone ?? ""})`,
    })),
    pricePerPartCents: Number(org?.price ?? 0),
    maxParts: smsMaxParts(),
  };
}
