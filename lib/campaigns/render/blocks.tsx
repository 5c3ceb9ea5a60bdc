import { Body, Container, Head, Html, Img, Preview, Section } from "@react-email/components";
import { render } from "@react-email/render";
import type { EmailDocument } from "@/lib/campaigns/document";
import type { BrandStyle } from "@/lib/brand/defaults";
import { BlockView, FooterView, type BlockContext, type ResolvedStyle } from "./block-parts";
import type { FooterInput, RenderLocale } from "./footer";
import type { RenderFinding } from "./types";

export type { ResolvedStyle };

/** The brand's colours and font with the document's `style` overrides on top. */
export function resolveStyle(
  brand: BrandStyle,
  style: EmailDocument["style"] | undefined,
): ResolvedStyle {
  return {
    primaryColor: style?.primaryColor ?? brand.primaryColor,
    textColor: style?.textColor ?? brand.textColor,
    backgroundColor: style?.backgroundColor ?? brand.backgroundColor,
    contentBackgroundColor: style?.contentBackgroundColor ?? brand.contentBackgroundColor,
    fontStack: style?.fontStack?.trim() || brand.fontStack,
    width: style?.width ?? 600,
  };
}

/**
 * CSS that cannot be inline: rich-text element styles (juice inlines them afterwards), column
 * stacking and full-width content on narrow screens.
 */
function css(s: ResolvedStyle): string {
  return [
    `.vk-text p{margin:0 0 12px}`,
    `.vk-text h2{margin:0 0 12px;font-size:22px;line-height:28px}`,
    `.vk-text h3{margin:0 0 12px;font-size:18px;line-height:24px}`,
    `.vk-text ul,.vk-text ol{margin:0 0 12px;padding-left:24px}`,
    `.vk-text blockquote{margin:0 0 12px;padding-left:12px;border-left:3px solid #d1d5db}`,
    `.vk-text a{color:${s.primaryColor};text-decoration:underline}`,
    `@media only screen and (max-width:${s.width + 20}px){` +
      `.vk-container{width:100% !important;max-width:100% !important}` +
      `.vk-col{display:block !important;width:100% !important;max-width:100% !important}}`,
  ].join("\n");
}

type Options = {
  preheader: string;
  footer: FooterInput;
  locale: RenderLocale;
  brand: BrandStyle;
  imageSrc: (imageId: string) => string | null;
  findings: RenderFinding[];
};

/** The block document as a full HTML e-mail (before CSS inlining and link numbering). */
export async function renderBlocksHtml(doc: EmailDocument, opts: Options): Promise<string> {
  const style = resolveStyle(opts.brand, doc.style);
  const ctx: BlockContext = {
    style,
    locale: opts.locale,
    footer: opts.footer,
    imageSrc: opts.imageSrc,
    findings: opts.findings,
    width: style.width,
  };
  const logo = opts.brand.logoImageId ? opts.imageSrc(opts.brand.logoImageId) : null;
  const hasFooter = doc.blocks.some((b) => b.type === "footer");
  const element = (
    <Html lang={opts.locale}>
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style>{css(style)}</style>
      </Head>
      {opts.preheader.trim() ? <Preview>{opts.preheader}</Preview> : null}
      <Body style={{ margin: 0, padding: "24px 0", backgroundColor: style.backgroundColor }}>
        <Container
          className="vk-container"
          style={{
            width: "100%",
            maxWidth: `${style.width}px`,
            backgroundColor: style.contentBackgroundColor,
          }}
        >
          {logo ? (
            <Section style={{ padding: "24px 24px 8px", textAlign: "center" }}>
              <Img
                src={logo}
                alt=""
                width={160}
                style={{ display: "block", margin: "0 auto", maxWidth: "160px", height: "auto" }}
              />
            </Section>
          ) : null}
          <Section style={{ padding: "16px 0 8px" }}>
            {doc.blocks.map((b) => (
              <BlockView key={b.id} block={b} ctx={ctx} />
            ))}
          </Section>
          {hasFooter ? null : <FooterView html="" ctx={ctx} />}
        </Container>
      </Body>
    </Html>
  );
  return render(element, { pretty: false });
}
