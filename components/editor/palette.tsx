"use client";

import { useTranslations } from "next-intl";
import { PALETTE, type NewBlockKind } from "./doc-ops";

/** Buttons that add a block at the end of the message. */
export function Palette({ onAdd }: { onAdd: (kind: NewBlockKind) => void }) {
  const t = useTranslations("editor");
  return (
    <section aria-labelledby="palette-title" className="space-y-2">
      <h2 id="palette-title" className="text-sm font-semibold">
        {t("palette")}
      </h2>
      <ul className="grid grid-cols-2 gap-1 lg:grid-cols-1">
        {PALETTE.map((k) => (
          <li key={k}>
            <button
              type="button"
              onClick={() => onAdd(k)}
              className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-left text-sm hover:border-brand-600 hover:bg-brand-50"
            >
              {t("add", { block: t(`palette_${k}`) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
