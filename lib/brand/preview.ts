import { createTranslator } from "next-intl";
import type { Db } from "@/db";
import { renderMessage, stripOpenPixel } from "@/lib/campaigns/render";
import type { RenderLocale } from "@/lib/campaigns/render/footer";
import { LINK_SENTINEL_RE, UNSUBSCRIBE_SENTINEL } from "@/lib/campaigns/render/types";
import { BUILTIN_FIELDS } from "@/lib/personalize/fields";
import { compileTemplate, renderTemplate } from "@/lib/personalize/template";
import en from "@/messages/en/brand.json";
import fi from "@/messages/fi/brand.json";
import type { BrandStyle } from "./defaults";
import { listLogoChoices } from "./queries";

/** A sample two-column document in the brand's colours, texts in the viewer's language. */
function sampleDocument(locale: RenderLocale) {
  const t = createTranslator({ locale, messages: { brand: locale === "en" ? en : fi } });
  const raw = (k: string) => String(t.raw(`brand.sample.${k}` as never));
  return {
    subject: raw("subject"),
    preheader: raw("preheader"),
    statement: raw("statement"),
    document: {
      version: 1,
      blocks: [
        { id: "h", type: "heading", text: raw("heading") },
        { id: "t", type: "text", html: raw("text") },
        { id: "b", type: "button", label: raw("button"), href: "https://example.com/" },
        {
          id: "c",
          type: "columns",
          columns: [
            [{ id: "l", type: "text", html: raw("columnLeft") }],
            [{ id: "r", type: "text", html: raw("columnRight") }],
          ],
        },
        { id: "d", type: "divider" },
        { id: "f", type: "footer", html: raw("footer") },
      ],
    },
  };
}

/**
 * The brand preview (E2): a sample message rendered by the real renderer with `brand`, merge
 * tags filled with their defaults, links pointing at their targets and no open pixel, for a
 * sandboxed iframe. Logos resolve to the relative `/i/<key>` URL of the organisation's image.
 */
export async function renderBrandPreview(
  db: Db,
  orgId: string,
  brand: BrandStyle,
  opts: { locale: RenderLocale; organisationName: string; organisationAddress: string },
): Promise<string> {
  const sample = sampleDocument(opts.locale);
  const logos = brand.logoImageId ? await listLogoChoices(db, orgId) : [];
  const rendered = await renderMessage({
    contentKind: "blocks",
    subject: sample.subject,
    preheader: sample.preheader,
    document: sample.document,
    html: null,
    textBody: null,
    brand,
    footer: {
      addressSourceStatement: sample.statement,
      privacyUrl: null,
      organisationName: opts.organisationName,
      organisationAddress: opts.organisationAddress,
    },
    inlineImages: false,
    baseUrl: "https://example.com",
    locale: opts.locale,
    imageResolver: (id) => {
      const img = logos.find((l) => l.id === id);
      return img
        ? { url: `/i/${img.publicKey}`, contentType: img.contentType, sizeBytes: img.sizeBytes }
        : null;
    },
  });
  const html = renderTemplate(
    compileTemplate(stripOpenPixel(rendered.html ?? ""), { kind: "html", fields: BUILTIN_FIELDS }),
    {},
  );
  return html
    .replace(LINK_SENTINEL_RE, (_m, i: string) => rendered.links[Number(i)]?.url ?? "#")
    .split(UNSUBSCRIBE_SENTINEL)
    .join("#");
}
