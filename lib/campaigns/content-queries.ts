import { and, eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Db } from "@/db";
import { brands, campaigns, registers } from "@/db/schema";
import { mergeFields, type MergeField } from "@/lib/personalize/fields";
import { listColumns } from "@/lib/registers/registers";
import { emptyDocument, type EmailDocument, DocumentSchema } from "./document";
import { isContentEditable, type ContentKind } from "./save-content";

export type BrandColors = {
  primaryColor: string;
  textColor: string;
  backgroundColor: string;
  contentBackgroundColor: string;
  fontStack: string;
};

/** The colours new messages start from when the organisation has no brand row yet. */
export const DEFAULT_BRAND: BrandColors = {
  primaryColor: "#1d4ed8",
  textColor: "#111827",
  backgroundColor: "#f3f4f6",
  contentBackgroundColor: "#ffffff",
  fontStack: "Arial, Helvetica, sans-serif",
};

/** The organisation's brand colours and font stack, or the defaults. */
export async function getBrandColors(db: Db, orgId: string): Promise<BrandColors> {
  const [b] = await db
    .select({
      primaryColor: brands.primaryColor,
      textColor: brands.textColor,
      backgroundColor: brands.backgroundColor,
      contentBackgroundColor: brands.contentBackgroundColor,
      fontStack: brands.fontStack,
    })
    .from(brands)
    .where(eq(brands.orgId, orgId));
  return b ?? DEFAULT_BRAND;
}

export type CampaignContent = {
  id: string;
  name: string;
  status: string;
  editable: boolean;
  registerId: string;
  registerName: string;
  contentKind: ContentKind;
  document: EmailDocument;
  html: string;
  textBody: string;
  contentVersion: number;
  updatedAt: Date;
};

/** An e-mail campaign's body for the content page, loaded by (id, orgId), or null. */
export async function getCampaignContent(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<CampaignContent | null> {
  if (!z.uuid().safeParse(campaignId).success) return null;
  const [c] = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      status: campaigns.status,
      channel: campaigns.channel,
      registerId: campaigns.registerId,
      registerName: registers.name,
      contentKind: campaigns.contentKind,
      document: campaigns.document,
      html: campaigns.html,
      textBody: campaigns.textBody,
      contentVersion: campaigns.contentVersion,
      updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .innerJoin(registers, eq(registers.id, campaigns.registerId))
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.orgId, orgId)));
  if (!c || c.channel !== "email") return null;
  // A document that no longer parses (an older shape) opens empty rather than breaking the page.
  const parsed = DocumentSchema.safeParse(c.document ?? emptyDocument());
  return {
    ...c,
    editable: isContentEditable(c.status),
    document: parsed.success ? parsed.data : emptyDocument(),
    html: c.html ?? "",
    textBody: c.textBody ?? "",
  };
}

/** The content page's data: the campaign (404 when not the organisation's), fields and brand. */
export async function loadContentPage(db: Db, orgId: string, campaignId: string) {
  const campaign = await getCampaignContent(db, orgId, campaignId);
  if (!campaign) notFound();
  const [columns, brand] = await Promise.all([
    listColumns(db, orgId, campaign.registerId),
    getBrandColors(db, orgId),
  ]);
  const fields: MergeField[] = mergeFields(columns);
  return { campaign, fields, brand };
}
