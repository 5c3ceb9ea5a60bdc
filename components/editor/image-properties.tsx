"use client";

import { useTranslations } from "next-intl";
import type { ImageBlockSchema } from "@/lib/campaigns/document";
import type { z } from "zod";
import { AlignSelect, NumberInput, TextInput } from "./inputs";
import { ImagePicker } from "./image-picker";
import type { PanelContext } from "./properties-panel";

/** An image block's properties: a bank image (or an external URL), alt text, link, width. */
export function ImageProperties({
  block,
  ctx,
  onPatch,
}: {
  block: z.infer<typeof ImageBlockSchema>;
  ctx: PanelContext;
  onPatch: (patch: Record<string, unknown>, field?: string) => void;
}) {
  const t = useTranslations("editor.props");
  const chosen = ctx.images.find((i) => i.id === block.imageId);
  return (
    <>
      <div className="space-y-1">
        <p className="text-xs font-medium text-slate-700">{t("image")}</p>
        <p className="text-xs text-slate-600">
          {chosen ? t("fromBank", { name: chosen.name }) : block.src ? t("external") : t("noImage")}
        </p>
        <ImagePicker
          images={ctx.images}
          uploadUrl={ctx.uploadUrl}
          onUploaded={ctx.onUploaded}
          onPick={(img) =>
            onPatch({
              imageId: img.id,
              src: img.src,
              alt: block.alt || img.name.replace(/\.[a-z0-9]+$/i, ""),
            })
          }
        />
      </div>
      <TextInput
        label={t("src")}
        type="url"
        value={block.src}
        onChange={(v) => onPatch({ src: v, imageId: null }, "src")}
      />
      <TextInput label={t("alt")} value={block.alt} onChange={(v) => onPatch({ alt: v }, "alt")} />
      <TextInput
        label={t("imageHref")}
        type="url"
        value={block.href ?? ""}
        onChange={(v) => onPatch({ href: v || undefined }, "href")}
      />
      <NumberInput
        label={t("widthPercent")}
        value={block.widthPercent}
        min={10}
        max={100}
        onChange={(v) => onPatch({ widthPercent: v }, "width")}
      />
      <AlignSelect value={block.align} onChange={(v) => onPatch({ align: v })} />
    </>
  );
}
