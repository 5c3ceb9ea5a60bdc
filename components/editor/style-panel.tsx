"use client";

import { useTranslations } from "next-intl";
import type { EmailDocument } from "@/lib/campaigns/document";
import type { BrandColors } from "@/lib/campaigns/content-queries";
import { ColorInput, NumberInput } from "./inputs";

type Style = EmailDocument["style"];

/**
 * The whole message's look when no block is selected: colours default to the organisation's
 * brand (unset here = the brand's, also at render time), and the content width.
 */
export function StylePanel({
  style,
  brand,
  onChange,
}: {
  style: Style;
  brand: BrandColors;
  onChange: (style: Style, field?: string) => void;
}) {
  const t = useTranslations("editor.style");
  const color = (
    key: "backgroundColor" | "contentBackgroundColor" | "textColor" | "primaryColor",
  ) => (
    <ColorInput
      label={t(key)}
      value={style[key]}
      fallback={brand[key]}
      onChange={(v) => onChange({ ...style, [key]: v }, key)}
    />
  );
  return (
    <section aria-labelledby="style-title" className="space-y-3">
      <h2 id="style-title" className="text-sm font-semibold">
        {t("title")}
      </h2>
      <p className="text-xs text-slate-600">{t("help")}</p>
      {color("backgroundColor")}
      {color("contentBackgroundColor")}
      {color("textColor")}
      {color("primaryColor")}
      <NumberInput
        label={t("width")}
        value={style.width}
        min={480}
        max={800}
        onChange={(width) => onChange({ ...style, width }, "width")}
      />
    </section>
  );
}
