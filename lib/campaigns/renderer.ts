import type { Db } from "@/db";
import { getBrand } from "@/lib/brand/brand";
import { env } from "@/lib/env";
import type { RenderCampaign } from "./prepare";
import type { Campaign } from "./queries";
import {
  footerContext,
  loadImageResolver,
  referencedImageIds,
  renderMessage,
  type RenderInput,
} from "./render";

/**
 * Everything the (pure) renderer needs for one campaign, read org-scoped: its content, the
 * organisation's brand, the register's footer facts and the public URLs of the images the
 * message uses. Shared by dispatch and anything else that renders a campaign as it will be sent.
 */
export async function campaignRenderInput(
  db: Db,
  c: Campaign,
  locale: "fi" | "en" = "fi",
): Promise<RenderInput> {
  const base = env().APP_URL.replace(/\/+$/, "");
  const [brand, footer] = await Promise.all([
    getBrand(db, c.orgId),
    footerContext(db, c.orgId, c.registerId, locale, base),
  ]);
  const imageResolver = await loadImageResolver(
    db,
    c.orgId,
    referencedImageIds(c.contentKind === "blocks" ? c.document : null, brand.logoImageId),
    base,
  );
  return {
    contentKind: c.contentKind,
    subject: c.subject,
    preheader: c.preheader,
    document: c.document,
    html: c.html,
    textBody: c.textBody,
    brand,
    footer,
    inlineImages: c.inlineImages,
    baseUrl: base,
    locale,
    imageResolver,
  };
}

/** The production renderer of dispatch: renders a campaign once with `renderMessage` (E4). */
export const renderCampaign: RenderCampaign = async (db, c) =>
  c.channel === "sms" ? smsRendered(c) : renderMessage(await campaignRenderInput(db, c));

/** An SMS campaign "renders" to its text alone: no HTML, links or images (S1). */
const smsRendered = (c: Campaign) => ({
  subject: "",
  preheader: "",
  html: null,
  text: c.textBody ?? "",
  links: [],
  inlineImages: [],
  htmlBytes: 0,
  mimeBytes: 0,
  findings: [],
});
