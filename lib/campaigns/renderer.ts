import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { brands, images } from "@/db/schema";
import { DEFAULT_BRAND } from "@/lib/brand/defaults";
import { env } from "@/lib/env";
import type { RenderCampaign } from "./prepare";
import type { Campaign } from "./queries";
import { footerContext, renderMessage, type RenderInput } from "./render";

/**
 * Everything the (pure) renderer needs for one campaign, read org-scoped: its content, the
 * organisation's brand, the register's footer facts and the image bank's public URLs. Shared by
 * dispatch and anything else that renders a campaign as it will be sent (pre-flight previews).
 */
export async function campaignRenderInput(
  db: Db,
  c: Campaign,
  locale: "fi" | "en" = "fi",
): Promise<RenderInput> {
  const base = env().APP_URL.replace(/\/+$/, "");
  const [[brand], bank, footer] = await Promise.all([
    db.select().from(brands).where(eq(brands.orgId, c.orgId)),
    db
      .select({
        id: images.id,
        publicKey: images.publicKey,
        contentType: images.contentType,
        sizeBytes: images.sizeBytes,
      })
      .from(images)
      .where(eq(images.orgId, c.orgId)),
    footerContext(db, c.orgId, c.registerId, locale, base),
  ]);
  const byId = new Map(
    bank.map((i) => [
      i.id,
      { url: `${base}/i/${i.publicKey}`, contentType: i.contentType, sizeBytes: i.sizeBytes },
    ]),
  );
  return {
    contentKind: c.contentKind,
    subject: c.subject,
    preheader: c.preheader,
    document: c.document,
    html: c.html,
    textBody: c.textBody,
    brand: brand ?? DEFAULT_BRAND,
    footer,
    inlineImages: c.inlineImages,
    baseUrl: base,
    locale,
    imageResolver: (id) => byId.get(id) ?? null,
  };
}

/** The production renderer of dispatch: renders a campaign once with `renderMessage` (E4). */
export const renderCampaign: RenderCampaign = async (db, c) =>
  renderMessage(await campaignRenderInput(db, c));
