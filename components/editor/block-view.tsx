"use client";

import { useTranslations } from "next-intl";
import type { Block, LeafBlock } from "@/lib/campaigns/document";
import type { BrandColors } from "@/lib/campaigns/content-queries";
import { RICH_CLASS } from "./rich-class";

const justify = { left: "flex-start", center: "center", right: "flex-end" } as const;
const headingSize = { 1: "1.75rem", 2: "1.375rem", 3: "1.125rem" } as const;

/**
 * A simple WYSIWYG approximation of one block in the brand's colours (the exact e-mail HTML is
 * the preview's job). Rich text is the editor's own sanitized HTML.
 */
export function BlockView({ block, brand }: { block: Block | LeafBlock; brand: BrandColors }) {
  const t = useTranslations("editor");
  switch (block.type) {
    case "heading": {
      const Tag = `h${block.level}` as "h1" | "h2" | "h3";
      return (
        <Tag
          style={{
            textAlign: block.align,
            color: block.color ?? brand.textColor,
            fontSize: headingSize[block.level],
            fontWeight: 700,
            margin: 0,
          }}
        >
          {block.text || <span className="text-slate-400">{t("empty.heading")}</span>}
        </Tag>
      );
    }
    case "text":
    case "footer":
      return (
        <div
          className={`${RICH_CLASS} text-sm`}
          style={{
            textAlign: block.type === "text" ? block.align : "center",
            color: block.type === "footer" ? "#6b7280" : brand.textColor,
          }}
          dangerouslySetInnerHTML={{
            __html: block.html || `<p style="color:#94a3b8">${t(`empty.${block.type}`)}</p>`,
          }}
        />
      );
    case "image":
      return (
        <div style={{ display: "flex", justifyContent: justify[block.align] }}>
          {block.src ? (
            // eslint-disable-next-line @next/next/no-img-element -- bank and external images, any size
            <img src={block.src} alt={block.alt} style={{ width: `${block.widthPercent}%` }} />
          ) : (
            <div className="w-full rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">
              {t("empty.image")}
            </div>
          )}
        </div>
      );
    case "button":
      return (
        <div style={{ display: "flex", justifyContent: justify[block.align] }}>
          <span
            style={{
              background: block.color ?? brand.primaryColor,
              color: block.textColor ?? "#ffffff",
              padding: "10px 20px",
              borderRadius: 6,
              fontWeight: 600,
            }}
          >
            {block.label}
          </span>
        </div>
      );
    case "divider":
      return <hr style={{ borderColor: block.color ?? "#d1d5db" }} />;
    case "spacer":
      return <div aria-hidden style={{ height: block.height }} className="bg-slate-50" />;
    case "social":
      return (
        <div
          className="flex flex-wrap gap-3 text-sm"
          style={{ justifyContent: justify[block.align] }}
        >
          {block.links.map((l, i) => (
            <span key={i} style={{ color: brand.primaryColor }}>
              {t(`networks.${l.network}`)}
            </span>
          ))}
        </div>
      );
    case "columns":
      return null;
  }
}
