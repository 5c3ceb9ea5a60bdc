"use client";

import { useTranslations } from "next-intl";
import type { Block, LeafBlock } from "@/lib/campaigns/document";
import type { BrandColors } from "@/lib/campaigns/content-queries";
import type { MergeField } from "@/lib/personalize/fields";
import { AlignSelect, ColorInput, NumberInput, Select, TextInput } from "./inputs";
import { ImageProperties } from "./image-properties";
import type { PickerImage } from "./image-picker";
import { RichTextEditor } from "./rich-text-editor";
import { SocialProperties } from "./social-properties";

export type PanelContext = {
  brand: BrandColors;
  fields: MergeField[];
  images: PickerImage[];
  uploadUrl: string;
  onUploaded: (img: PickerImage) => void;
};

/**
 * The selected block's properties. `onPatch(patch, field)` changes it; the field name groups
 * typing into one undo step.
 */
export function PropertiesPanel({
  block,
  ctx,
  onPatch,
  onColumns,
}: {
  block: Block | LeafBlock;
  ctx: PanelContext;
  onPatch: (patch: Partial<Block>, field?: string) => void;
  onColumns: (n: number) => void;
}) {
  const t = useTranslations("editor.props");
  const tb = useTranslations("editor.blocks");
  const p = onPatch as (patch: Record<string, unknown>, field?: string) => void;
  const body = (() => {
    switch (block.type) {
      case "heading":
        return (
          <>
            <TextInput
              label={t("text")}
              value={block.text}
              fields={ctx.fields}
              onChange={(v) => p({ text: v }, "text")}
            />
            <Select
              label={t("level")}
              value={block.level}
              options={[1, 2, 3].map((l) => ({
                value: l as 1 | 2 | 3,
                label: t("levelN", { n: l }),
              }))}
              onChange={(v) => p({ level: v })}
            />
            <AlignSelect value={block.align} onChange={(v) => p({ align: v })} />
            <ColorInput
              label={t("color")}
              value={block.color}
              fallback={ctx.brand.textColor}
              onChange={(v) => p({ color: v }, "color")}
            />
          </>
        );
      case "text":
      case "footer":
        return (
          <>
            <RichTextEditor
              key={block.id}
              label={t("richText")}
              html={block.html}
              fields={ctx.fields}
              onChange={(html) => p({ html }, "html")}
            />
            {block.type === "text" ? (
              <AlignSelect value={block.align} onChange={(v) => p({ align: v })} />
            ) : (
              <p className="text-xs text-slate-600">{t("footerHelp")}</p>
            )}
          </>
        );
      case "image":
        return <ImageProperties block={block} ctx={ctx} onPatch={p} />;
      case "button":
        return (
          <>
            <TextInput
              label={t("label")}
              value={block.label}
              fields={ctx.fields}
              onChange={(v) => p({ label: v }, "label")}
            />
            <TextInput
              label={t("href")}
              type="url"
              value={block.href}
              onChange={(v) => p({ href: v }, "href")}
            />
            <ColorInput
              label={t("buttonColor")}
              value={block.color}
              fallback={ctx.brand.primaryColor}
              onChange={(v) => p({ color: v }, "color")}
            />
            <ColorInput
              label={t("textColor")}
              value={block.textColor}
              fallback="#ffffff"
              onChange={(v) => p({ textColor: v }, "textColor")}
            />
            <AlignSelect value={block.align} onChange={(v) => p({ align: v })} />
          </>
        );
      case "divider":
        return (
          <ColorInput
            label={t("color")}
            value={block.color}
            fallback="#d1d5db"
            onChange={(v) => p({ color: v }, "color")}
          />
        );
      case "spacer":
        return (
          <NumberInput
            label={t("height")}
            value={block.height}
            min={4}
            max={200}
            onChange={(v) => p({ height: v }, "height")}
          />
        );
      case "social":
        return <SocialProperties block={block} onPatch={p} />;
      case "columns":
        return (
          <Select
            label={t("columnCount")}
            value={block.columns.length}
            options={[1, 2, 3].map((n) => ({ value: n, label: String(n) }))}
            onChange={onColumns}
          />
        );
    }
  })();
  return (
    <section aria-label={t("title")} className="space-y-3">
      <h2 className="text-sm font-semibold">{t("titleFor", { block: tb(block.type) })}</h2>
      {body}
    </section>
  );
}
