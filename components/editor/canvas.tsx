"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import type { Block, EmailDocument, LeafBlock } from "@/lib/campaigns/document";
import type { BrandColors } from "@/lib/campaigns/content-queries";
import { BlockView } from "./block-view";
import { LEAF_KINDS, locate, type Container, type LeafKind } from "./doc-ops";
import { SortableBlock, type BlockCommands } from "./sortable-block";

type Props = {
  doc: EmailDocument;
  brand: BrandColors;
  selectedId: string | null;
  readOnly: boolean;
  errors: Record<string, string[]>;
  commands: BlockCommands;
  onReorder: (activeId: string, overId: string) => void;
  onAddToColumn: (kind: LeafKind, container: Container) => void;
};

/**
 * The message as a list of blocks in the brand's colours. Blocks reorder by drag and drop
 * (pointer, or keyboard on the handle) within their list: the message or one column.
 */
export function Canvas(props: Props) {
  const { doc } = props;
  // The message's own colours where set, else the brand's (as the renderer does).
  const brand: BrandColors = {
    primaryColor: doc.style.primaryColor ?? props.brand.primaryColor,
    textColor: doc.style.textColor ?? props.brand.textColor,
    backgroundColor: doc.style.backgroundColor ?? props.brand.backgroundColor,
    contentBackgroundColor: doc.style.contentBackgroundColor ?? props.brand.contentBackgroundColor,
    fontStack: doc.style.fontStack ?? props.brand.fontStack,
  };
  const t = useTranslations("editor");
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  // Only blocks of the dragged block's own list (the message or one column) are drop targets.
  const collisions: CollisionDetection = (args) => {
    const home = JSON.stringify(locate(doc, String(args.active.id))?.container ?? null);
    const droppableContainers = args.droppableContainers.filter(
      (c) => JSON.stringify(locate(doc, String(c.id))?.container ?? null) === home,
    );
    return closestCenter({ ...args, droppableContainers });
  };
  const onDragEnd = (e: DragEndEvent) => {
    if (e.over && e.active.id !== e.over.id)
      props.onReorder(String(e.active.id), String(e.over.id));
  };
  return (
    <div
      className="rounded-lg p-4"
      style={{
        background: brand.backgroundColor,
        fontFamily: brand.fontStack,
      }}
    >
      <div
        className="mx-auto space-y-1 p-3 shadow-sm"
        aria-label={t("canvas")}
        role="region"
        style={{
          maxWidth: doc.style.width,
          background: brand.contentBackgroundColor,
        }}
      >
        {doc.blocks.length === 0 ? (
          <p className="p-8 text-center text-sm text-slate-500">{t("emptyCanvas")}</p>
        ) : null}
        <DndContext sensors={sensors} collisionDetection={collisions} onDragEnd={onDragEnd}>
          <BlockList list={doc.blocks} {...props} brand={brand} />
        </DndContext>
      </div>
    </div>
  );
}

function BlockList({ list, ...p }: Props & { list: (Block | LeafBlock)[] }) {
  return (
    <SortableContext items={list.map((b) => b.id)} strategy={verticalListSortingStrategy}>
      <div className="space-y-1">
        {list.map((b, i) => (
          <SortableBlock
            key={b.id}
            block={b}
            index={i}
            count={list.length}
            selected={p.selectedId === b.id}
            readOnly={p.readOnly}
            errors={p.errors[`block:${b.id}`]}
            commands={p.commands}
          >
            {b.type === "columns" ? (
              <Columns block={b} {...p} />
            ) : (
              <BlockView block={b} brand={p.brand} />
            )}
          </SortableBlock>
        ))}
      </div>
    </SortableContext>
  );
}

function Columns({ block, ...p }: Props & { block: Extract<Block, { type: "columns" }> }) {
  const t = useTranslations("editor");
  return (
    <div
      className="grid gap-2"
      style={{ gridTemplateColumns: `repeat(${block.columns.length}, minmax(0, 1fr))` }}
    >
      {block.columns.map((col, i) => (
        <div
          key={i}
          className="min-h-16 space-y-1 rounded border border-dashed border-slate-300 p-1"
          data-column={i + 1}
        >
          <BlockList list={col} {...p} />
          {!p.readOnly ? (
            <select
              aria-label={t("addToColumn", { n: i + 1 })}
              className="w-full rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
              value=""
              onClick={(e) => e.stopPropagation()}
              onChange={(e) => {
                if (e.target.value)
                  p.onAddToColumn(e.target.value as LeafKind, { columnsId: block.id, col: i });
              }}
            >
              <option value="">{t("addToColumnPlaceholder")}</option>
              {LEAF_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`blocks.${k}`)}
                </option>
              ))}
            </select>
          ) : null}
        </div>
      ))}
    </div>
  );
}
