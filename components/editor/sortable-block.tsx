"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useErrorText } from "@/components/forms/field";
import type { Block, LeafBlock } from "@/lib/campaigns/document";

export type BlockCommands = {
  select: (id: string) => void;
  move: (id: string, delta: number) => void;
  duplicate: (id: string) => void;
  remove: (id: string) => void;
};

const iconBtn =
  "rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-200 disabled:opacity-30 disabled:hover:bg-transparent";

/**
 * One block on the canvas: a drag handle (pointer or keyboard: space, arrows, space), a button
 * that selects it, move up/down, duplicate and delete, then its view and any save error.
 */
export function SortableBlock({
  block,
  index,
  count,
  selected,
  readOnly,
  errors,
  commands,
  children,
}: {
  block: Block | LeafBlock;
  index: number;
  count: number;
  selected: boolean;
  readOnly: boolean;
  errors?: string[];
  commands: BlockCommands;
  children: ReactNode;
}) {
  const t = useTranslations("editor");
  const err = useErrorText();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: block.id,
    disabled: readOnly,
  });
  const label = t(`blocks.${block.type}`);
  return (
    <div
      ref={setNodeRef}
      data-block-id={block.id}
      data-block-type={block.type}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`group rounded-md border bg-white ${
        selected
          ? "border-brand-600 ring-2 ring-brand-200"
          : errors?.length
            ? "border-red-500"
            : "border-transparent hover:border-slate-300"
      } ${isDragging ? "z-10 opacity-70 shadow-lg" : ""}`}
    >
      <div className="flex items-center gap-1 border-b border-slate-100 px-1 py-0.5">
        {!readOnly ? (
          <button
            type="button"
            className="cursor-grab px-1 text-slate-500 hover:text-slate-900"
            aria-label={t("drag", { block: label, n: index + 1 })}
            {...attributes}
            {...listeners}
          >
            ⠿
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => commands.select(block.id)}
          aria-pressed={selected}
          className="flex-1 truncate text-left text-xs font-medium text-slate-600 hover:text-slate-900"
        >
          {label}
        </button>
        {!readOnly ? (
          <span className="flex gap-0.5">
            <button
              type="button"
              className={iconBtn}
              disabled={index === 0}
              onClick={() => commands.move(block.id, -1)}
              aria-label={t("moveUp", { block: label })}
            >
              ↑
            </button>
            <button
              type="button"
              className={iconBtn}
              disabled={index === count - 1}
              onClick={() => commands.move(block.id, 1)}
              aria-label={t("moveDown", { block: label })}
            >
              ↓
            </button>
            <button
              type="button"
              className={iconBtn}
              onClick={() => commands.duplicate(block.id)}
              aria-label={t("duplicate", { block: label })}
            >
              ⧉
            </button>
            <button
              type="button"
              className={`${iconBtn} text-red-700`}
              onClick={() => commands.remove(block.id)}
              aria-label={t("remove", { block: label })}
            >
              ✕
            </button>
          </span>
        ) : null}
      </div>
      {/* Clicking the view selects too (a convenience; the label button is the accessible way). */}
      <div
        className="p-2"
        onClick={(e) => {
          e.stopPropagation();
          commands.select(block.id);
        }}
      >
        {children}
      </div>
      {errors?.length ? (
        <p role="alert" className="px-2 pb-2 text-sm text-red-700">
          {errors.map(err).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
