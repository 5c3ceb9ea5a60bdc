"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { Block, EmailDocument } from "@/lib/campaigns/document";
import type { BrandColors } from "@/lib/campaigns/content-queries";
import type { MergeField } from "@/lib/personalize/fields";
import { Button } from "@/components/ui/button";
import { Canvas } from "./canvas";
import * as ops from "./doc-ops";
import type { PickerImage } from "./image-picker";
import { Palette } from "./palette";
import { PropertiesPanel } from "./properties-panel";
import { StylePanel } from "./style-panel";
import type { useHistory } from "./use-history";

type History = ReturnType<typeof useHistory<EmailDocument>>;

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

/**
 * The block editor (E1): palette, canvas with drag-and-drop and move buttons, properties of the
 * selected block, undo/redo (buttons, Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y outside text fields).
 * The document and its history belong to the caller, which saves it.
 */
export function BlockEditor({
  history,
  brand,
  fields,
  initialImages,
  uploadUrl,
  readOnly,
  errors,
}: {
  history: History;
  brand: BrandColors;
  fields: MergeField[];
  initialImages: PickerImage[];
  uploadUrl: string;
  readOnly: boolean;
  errors: Record<string, string[]>;
}) {
  const t = useTranslations("editor");
  const doc = history.value;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [images, setImages] = useState(initialImages);
  const { set, undo, redo } = history;
  const selected = selectedId ? (ops.locate(doc, selectedId)?.block ?? null) : null;
  const texts = {
    heading: t("defaults.heading"),
    text: t("defaults.text"),
    button: t("defaults.button"),
  };

  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || typing(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === "z" && !e.shiftKey) undo();
      else if ((k === "z" && e.shiftKey) || k === "y") redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [readOnly, undo, redo]);

  const add = (kind: ops.NewBlockKind, container: ops.Container = null) => {
    const block = ops.newBlock(kind, texts);
    set(ops.addBlock(doc, block, container));
    setSelectedId(block.id);
  };
  const commands = {
    select: setSelectedId,
    move: (id: string, delta: number) => set(ops.moveBlock(doc, id, delta)),
    duplicate: (id: string) => {
      const r = ops.duplicateBlock(doc, id);
      set(r.doc);
      setSelectedId(r.id);
    },
    remove: (id: string) => {
      set(ops.removeBlock(doc, id));
      if (selectedId === id) setSelectedId(null);
    },
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[12rem_minmax(0,1fr)_20rem]">
      <div className="space-y-3">
        {!readOnly ? (
          <>
            <div className="flex gap-2">
              <Button
                type="button"
                variant="secondary"
                onClick={undo}
                disabled={!history.canUndo}
                aria-keyshortcuts="Control+Z"
              >
                {t("undo")}
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={redo}
                disabled={!history.canRedo}
                aria-keyshortcuts="Control+Shift+Z"
              >
                {t("redo")}
              </Button>
            </div>
            <Palette onAdd={(k) => add(k)} />
          </>
        ) : (
          <p className="text-sm text-slate-600">{t("readOnly")}</p>
        )}
      </div>
      <Canvas
        doc={doc}
        brand={brand}
        selectedId={selectedId}
        readOnly={readOnly}
        errors={errors}
        commands={commands}
        onReorder={(a, o) => set(ops.moveOnto(doc, a, o))}
        onAddToColumn={(kind, c) => add(kind, c)}
      />
      <aside className="rounded-lg border border-slate-200 bg-white p-3">
        {selected && !readOnly ? (
          <div className="space-y-3">
            <button
              type="button"
              className="text-xs text-brand-700 hover:underline"
              onClick={() => setSelectedId(null)}
            >
              {t("deselect")}
            </button>
            <PropertiesPanel
              key={selected.id}
              block={selected}
              ctx={{
                brand,
                fields,
                images,
                uploadUrl,
                onUploaded: (img) => setImages((l) => [img, ...l]),
              }}
              onPatch={(patch: Partial<Block>, field?: string) =>
                set(
                  ops.updateBlock(doc, selected.id, patch),
                  field ? `${selected.id}:${field}` : undefined,
                )
              }
              onColumns={(n) => set(ops.setColumnCount(doc, selected.id, n))}
            />
          </div>
        ) : readOnly ? (
          <p className="text-sm text-slate-600">{t("readOnlyPanel")}</p>
        ) : (
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t("selectHint")}</p>
            <StylePanel
              style={doc.style}
              brand={brand}
              onChange={(style, field) =>
                set({ ...doc, style }, field ? `style:${field}` : undefined)
              }
            />
          </div>
        )}
      </aside>
    </div>
  );
}
