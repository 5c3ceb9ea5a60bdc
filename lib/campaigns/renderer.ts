import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { brands, images } from "@/db/schema";
import { DEFAULT_BRAND, type BrandStyle } from "@/lib/brand/defaults";
import { env } from "@/lib/env";
import type { RenderCampaign } from "./prepare";
import { footerContext, renderMessage, type ResolvedImage } from "./render";

/** The organisation's brand, or the defaults before one is saved. */
async function brandOf(db: Db, orgId: string): Promise<BrandStyle> {
  const [b] = await db.select().from(brands).where(eq(brands.orgId, orgId));
  return b ?? DEFAULT_BRAND;
}

/** The organisation's image bank as the renderer's id → public URL lookup (org-scoped). */
async function imageResolverOf(db: Db, orgId: string) {
  const rows = await db
    .select({
      id: images.id,
      publicKey: images.publicKey,
      contentType: images.contentType,
      sizeBytes: images.sizeBytes,
    })
    .from(images)
    .where(and(eq(images.orgId, orgId)));
  const base = env().APP_URL.replace(/\/+$/, "");
  const byId = new Map<string, ResolvedImage>(
    rows.map((r) => [
      r.id,
      { url: `${base}/i/${r.publicKey}`, contentType: r.contentType, sizeBytes: r.sizeBytes },
    ]),
  );
  return (id: string) => byId.get(id) ?? null;
}

/**
 * The production renderer port: loads what `renderMessage` needs for a campaign (brand, footer
 * facts of its register, the organisation's images; Finnish footer) and renders it once.
 */
export const renderCampaign: RenderCampaign = async (db, c) => {
  const locale = "fi";
  const [brand, footer, imageResolver] = await Promise.all([
    brandOf(db, c.orgId),
    footerContext(db, c.orgId, c.registerId, locale),
    imageResolverOf(db, c.orgId),
  ]);
  return renderMessage({
    contentKind: c.contentKind,
    subject: c.subject,
    preheader: c.preheader,
    document: c.document,
    html: c.html,
    textBody: c.textBody,
    brand,
    footer,
    inlineImages: c.inlineImages,
    baseUrl: env().APP_URL,
    locale,
    imageResolver,
  });
};
