import juice from "juice";
import { parseDocument } from "@/lib/campaigns/document";
import type { BrandStyle } from "@/lib/brand/defaults";
import { footerHtml, footerText, type FooterInput, type RenderLocale } from "./footer";
import { imageSources, type ImageResolver } from "./images";
import { appendOpenPixel, numberHtmlLinks, numberTextLinks } from "./links";
import { restoreMergeTags } from "./merge-tags";
import { assembleRawHtml } from "./raw-html";
import { renderBlocksHtml, resolveStyle } from "./blocks";
import { estimateSizes, sizeFindings } from "./size";
import { htmlToText } from "./text-part";
import type { RenderedLink, RenderedMessage, RenderFinding } from "./types";

export { stripOpenPixel, OPEN_PIXEL_HTML } from "./links";
export { loadImageResolver, loadInlineImageBytes } from "./inline-images";
export { referencedImageIds } from "./images";
export { footerContext } from "./footer-context";
export type { FooterInput, RenderLocale } from "./footer";
export type { ImageResolver, ResolvedImage } from "./images";

/** Everything `renderMessage` needs, as plain data (no database access inside the renderer). */
export type RenderInput = {
  contentKind: "blocks" | "html" | "text";
  subject: string;
  preheader: string;
  /** The block document (parsed with `parseDocument`); used when contentKind is "blocks". */
  document: unknown;
  /** Designer HTML; used when contentKind is "html". */
  html: string | null;
  /** Hand-written text part; overrides the generated one (and is the message for "text"). */
  textBody: string | null;
  /** The organisation's brand (`getBrand`), or DEFAULT_BRAND. */
  brand: BrandStyle;
  /** From `footerContext(db, orgId, registerId, locale)`. */
  footer: FooterInput;
  /** Embed image-bank images as CID parts instead of linking them. */
  inlineImages: boolean;
  /** Absolute app URL, for size estimates of the tracking URLs. */
  baseUrl: string;
  locale: RenderLocale;
  /** Image-bank id → public URL and metadata (org-scoped lookup by the caller); null if gone. */
  imageResolver: ImageResolver;
};

/**
 * Renders a campaign's content once (E4): client-safe HTML with inlined CSS, a text part, the
 * trackable links numbered and replaced by sentinels, the open pixel, the compliance footer,
 * inline-image list, sizes and size findings. Merge tags are left for per-recipient
 * personalization. Pure: no database, no network. Throws a ZodError for a malformed document.
 */
export async function renderMessage(input: RenderInput): Promise<RenderedMessage> {
  const findings: RenderFinding[] = [];
  const images = imageSources(input.imageResolver, input.inlineImages);
  const links: RenderedLink[] = [];
  let html: string | null = null;
  let text: string;

  if (input.contentKind === "text") {
    const body = (input.textBody ?? "").trim();
    text = numberTextLinks(`${body}\n\n${footerText(input.footer, input.locale)}`, links);
  } else {
    let raw: string;
    if (input.contentKind === "blocks") {
      const doc = parseDocument(input.document);
      raw = await renderBlocksHtml(doc, {
        preheader: input.preheader,
        footer: input.footer,
        locale: input.locale,
        brand: input.brand,
        imageSrc: images.src,
        findings,
      });
    } else {
      const s = resolveStyle(input.brand, undefined);
      const footer = footerHtml(input.footer, input.locale, {
        textColor: "#6b7280",
        linkColor: s.primaryColor,
        fontStack: s.fontStack,
      });
      raw = assembleRawHtml(input.html ?? "", input.preheader, footer);
    }
    // Inline what <style> rules can be inlined; media queries stay in <style>.
    const inlined = juice(raw, {
      removeStyleTags: true,
      preserveMediaQueries: true,
      xmlMode: false,
    });
    const numbered = numberHtmlLinks(inlined);
    links.push(...numbered.links);
    const hand = (input.textBody ?? "").trim();
    text = hand
      ? numberTextLinks(`${hand}\n\n${footerText(input.footer, input.locale)}`, links)
      : htmlToText(numbered.html);
    html = appendOpenPixel(restoreMergeTags(numbered.html));
  }

  const sizes = estimateSizes({
    subject: input.subject,
    html,
    text,
    inlineImages: images.inlineImages,
    baseUrl: input.baseUrl,
  });
  findings.push(...sizeFindings(sizes));
  return {
    subject: input.subject,
    preheader: input.preheader,
    html,
    text,
    links,
    inlineImages: images.inlineImages,
    htmlBytes: sizes.htmlBytes,
    mimeBytes: sizes.mimeBytes,
    findings,
  };
}
