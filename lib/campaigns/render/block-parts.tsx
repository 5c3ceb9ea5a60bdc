import { Button, Column, Heading, Hr, Img, Link, Row, Section } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { Block, LeafBlock } from "@/lib/campaigns/document";
import { footerHtml, renderT, type FooterInput, type RenderLocale } from "./footer";
import { isSafeHref, isSafeSrc, sanitizeRichText } from "./sanitize";
import type { RenderFinding } from "./types";

/** The colours and fonts a message is drawn with: the brand, overridden by the document. */
export type ResolvedStyle = {
  primaryColor: string;
  textColor: string;
  backgroundColor: string;
  contentBackgroundColor: string;
  fontStack: string;
  width: number;
};

export type BlockContext = {
  style: ResolvedStyle;
  locale: RenderLocale;
  footer: FooterInput;
  imageSrc: (imageId: string) => string | null;
  findings: RenderFinding[];
  /** Width in px available to the block (content width, or a column's share of it). */
  width: number;
};

const HEADING_SIZES = { 1: 28, 2: 22, 3: 18 } as const;
const PAD = "0 24px";

/** One leaf block (also used inside columns). */
export function LeafBlockView({ block, ctx }: { block: LeafBlock; ctx: BlockContext }): ReactNode {
  const s = ctx.style;
  switch (block.type) {
    case "heading": {
      const size = HEADING_SIZES[block.level];
      return (
        <Heading
          as={`h${block.level}`}
          style={{
            margin: "0 0 12px",
            padding: PAD,
            fontFamily: s.fontStack,
            fontSize: `${size}px`,
            lineHeight: `${Math.round(size * 1.25)}px`,
            color: block.color ?? s.textColor,
            textAlign: block.align,
          }}
        >
          {block.text}
        </Heading>
      );
    }
    case "text":
      return (
        <div
          className="vk-text"
          style={{ padding: PAD, textAlign: block.align, ...textStyle(s) }}
          dangerouslySetInnerHTML={{ __html: sanitizeRichText(block.html) }}
        />
      );
    case "image":
      return <ImageView block={block} ctx={ctx} />;
    case "button": {
      const href = isSafeHref(block.href) ? block.href : undefined;
      return (
        <Section style={{ padding: "8px 24px 16px", textAlign: block.align }}>
          <Button
            href={href}
            style={{
              backgroundColor: block.color ?? s.primaryColor,
              color: block.textColor ?? "#ffffff",
              fontFamily: s.fontStack,
              fontSize: "16px",
              fontWeight: 600,
              lineHeight: "20px",
              padding: "12px 24px",
              borderRadius: "6px",
              textDecoration: "none",
              display: "inline-block",
            }}
          >
            {block.label}
          </Button>
        </Section>
      );
    }
    case "divider":
      return (
        <Section style={{ padding: "8px 24px" }}>
          <Hr
            style={{
              border: "none",
              borderTop: `1px solid ${block.color ?? "#e5e7eb"}`,
              margin: 0,
            }}
          />
        </Section>
      );
    case "spacer":
      return (
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0}>
          <tbody>
            <tr>
              <td
                className="vk-spacer"
                height={block.height}
                style={{
                  height: `${block.height}px`,
                  lineHeight: `${block.height}px`,
                  fontSize: "1px",
                }}
              >
                &nbsp;
              </td>
            </tr>
          </tbody>
        </table>
      );
    case "social":
      return <SocialView block={block} ctx={ctx} />;
  }
}

function textStyle(s: ResolvedStyle): CSSProperties {
  return { fontFamily: s.fontStack, fontSize: "16px", lineHeight: "24px", color: s.textColor };
}

function ImageView({
  block,
  ctx,
}: {
  block: Extract<LeafBlock, { type: "image" }>;
  ctx: BlockContext;
}) {
  let src: string | null;
  if (block.imageId) {
    src = ctx.imageSrc(block.imageId);
    if (!src)
      ctx.findings.push({
        code: "render.imageMissing",
        severity: "warn",
        values: { block: block.id },
      });
  } else {
    src = isSafeSrc(block.src) && !block.src.startsWith("cid:") ? block.src : null;
    if (!src)
      ctx.findings.push({
        code: "render.imageUnsafe",
        severity: "warn",
        values: { block: block.id },
      });
  }
  if (!src) return null;
  const px = Math.round(((ctx.width - 48) * block.widthPercent) / 100);
  const margin = block.align === "center" ? "0 auto" : block.align === "right" ? "0 0 0 auto" : "0";
  const img = (
    <Img
      src={src}
      alt={block.alt}
      width={px}
      style={{
        display: "block",
        width: "100%",
        maxWidth: `${px}px`,
        height: "auto",
        border: 0,
        margin,
      }}
    />
  );
  const href = block.href && isSafeHref(block.href) ? block.href : undefined;
  return (
    <Section style={{ padding: "0 24px 16px" }}>
      {href ? <Link href={href}>{img}</Link> : img}
    </Section>
  );
}

function SocialView({
  block,
  ctx,
}: {
  block: Extract<LeafBlock, { type: "social" }>;
  ctx: BlockContext;
}) {
  const t = renderT(ctx.locale);
  const links = block.links.filter((l) => isSafeHref(l.url));
  if (links.length === 0) return null;
  return (
    <Section style={{ padding: "8px 24px 16px", textAlign: block.align, ...textStyle(ctx.style) }}>
      {links.map((l, i) => (
        <span key={i}>
          {i > 0 ? " · " : ""}
          <Link href={l.url} style={{ color: ctx.style.primaryColor, textDecoration: "underline" }}>
            {t(`social.${l.network}`)}
          </Link>
        </span>
      ))}
    </Section>
  );
}

/** A top-level block: a leaf, a columns row (stacks under 620 px) or the footer. */
export function BlockView({ block, ctx }: { block: Block; ctx: BlockContext }): ReactNode {
  if (block.type === "columns") {
    const n = block.columns.length;
    const colWidth = Math.floor(ctx.width / n);
    return (
      <Row className="vk-cols">
        {block.columns.map((col, i) => (
          <Column
            key={i}
            className="vk-col"
            width={`${Math.floor(100 / n)}%`}
            style={{ verticalAlign: "top" }}
          >
            {col.map((b) => (
              <LeafBlockView key={b.id} block={b} ctx={{ ...ctx, width: colWidth }} />
            ))}
          </Column>
        ))}
      </Row>
    );
  }
  if (block.type === "footer") return <FooterView html={block.html} ctx={ctx} />;
  return <LeafBlockView block={block} ctx={ctx} />;
}

/** The footer block: the organisation's own text, then the compliance lines. */
export function FooterView({ html, ctx }: { html: string; ctx: BlockContext }) {
  const s = ctx.style;
  const own = html.trim() ? sanitizeRichText(html) : "";
  const compliance = footerHtml(ctx.footer, ctx.locale, {
    textColor: "#6b7280",
    linkColor: s.primaryColor,
    fontStack: s.fontStack,
  });
  return (
    <Section
      className="vk-footer-block"
      style={{ padding: "16px 24px", borderTop: "1px solid #e5e7eb" }}
    >
      {own ? (
        <div
          className="vk-text vk-footer-text"
          style={{ ...textStyle(s), fontSize: "13px", lineHeight: "20px", color: "#6b7280" }}
          dangerouslySetInnerHTML={{ __html: own }}
        />
      ) : null}
      <div dangerouslySetInnerHTML={{ __html: compliance }} />
    </Section>
  );
}
