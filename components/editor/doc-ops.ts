import type { Block, EmailDocument, LeafBlock } from "@/lib/campaigns/document";

/** Block types the palette offers; "columns1"… are the column block with 1–3 columns. */
export type NewBlockKind = Exclude<Block["type"], "columns"> | "columns1" | "columns2" | "columns3";
export type LeafKind = LeafBlock["type"];

export const LEAF_KINDS: LeafKind[] = [
  "heading",
  "text",
  "image",
  "button",
  "divider",
  "spacer",
  "social",
];
export const PALETTE: NewBlockKind[] = [
  ...LEAF_KINDS,
  "columns1",
  "columns2",
  "columns3",
  "footer",
];

/** Where a block lives: the top level, or one column of a columns block. */
export type Container = { columnsId: string; col: number } | null;

let counter = 0;
/** A short id unique within the document (the schema allows up to 40 characters). */
export function newId(): string {
  counter = (counter + 1) % 1_000_000;
  return `b${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A new block of a kind with sensible defaults (texts in Finnish, the default language). */
export function newBlock(
  kind: NewBlockKind,
  texts: { heading: string; text: string; button: string },
): Block {
  const id = newId();
  switch (kind) {
    case "heading":
      return { id, type: "heading", text: texts.heading, level: 2, align: "left" };
    case "text":
      return { id, type: "text", html: `<p>${texts.text}</p>`, align: "left" };
    case "image":
      return {
        id,
        type: "image",
        imageId: null,
        src: "",
        alt: "",
        widthPercent: 100,
        align: "center",
      };
    case "button":
      return { id, type: "button", label: texts.button, href: "https://", align: "center" };
    case "divider":
      return { id, type: "divider" };
    case "spacer":
      return { id, type: "spacer", height: 24 };
    case "social":
      return {
        id,
        type: "social",
        links: [{ network: "facebook", url: "https://facebook.com/" }],
        align: "center",
      };
    case "footer":
      return { id, type: "footer", html: "" };
    default: {
      const n = Number(kind.slice(-1));
      return { id, type: "columns", columns: Array.from({ length: n }, () => []) };
    }
  }
}

/** Finds a block anywhere in the document with its container and index. */
export function locate(doc: EmailDocument, id: string) {
  const i = doc.blocks.findIndex((b) => b.id === id);
  if (i >= 0) return { block: doc.blocks[i]!, container: null as Container, index: i };
  for (const b of doc.blocks) {
    if (b.type !== "columns") continue;
    for (let col = 0; col < b.columns.length; col++) {
      const j = b.columns[col]!.findIndex((x) => x.id === id);
      if (j >= 0)
        return { block: b.columns[col]![j]!, container: { columnsId: b.id, col }, index: j };
    }
  }
  return null;
}

/** The list a container holds. */
export function listOf(doc: EmailDocument, c: Container): (Block | LeafBlock)[] {
  if (!c) return doc.blocks;
  const cols = doc.blocks.find((b) => b.id === c.columnsId);
  return cols?.type === "columns" ? (cols.columns[c.col] ?? []) : [];
}

/** Replaces the list of a container (immutably). */
function withList(doc: EmailDocument, c: Container, list: (Block | LeafBlock)[]): EmailDocument {
  if (!c) return { ...doc, blocks: list as Block[] };
  return {
    ...doc,
    blocks: doc.blocks.map((b) =>
      b.id === c.columnsId && b.type === "columns"
        ? { ...b, columns: b.columns.map((col, i) => (i === c.col ? (list as LeafBlock[]) : col)) }
        : b,
    ),
  };
}

/** Adds a block at the end of a container (a column takes only leaf blocks). */
export function addBlock(doc: EmailDocument, block: Block, c: Container = null): EmailDocument {
  return withList(doc, c, [...listOf(doc, c), block]);
}

/** Merges a patch into a block wherever it is. */
export function updateBlock(doc: EmailDocument, id: string, patch: Partial<Block>): EmailDocument {
  const at = locate(doc, id);
  if (!at) return doc;
  const list = listOf(doc, at.container).map((b) =>
    b.id === id ? ({ ...b, ...patch } as Block) : b,
  );
  return withList(doc, at.container, list);
}

export function removeBlock(doc: EmailDocument, id: string): EmailDocument {
  const at = locate(doc, id);
  if (!at) return doc;
  return withList(
    doc,
    at.container,
    listOf(doc, at.container).filter((b) => b.id !== id),
  );
}

function cloneWithIds<B extends Block | LeafBlock>(b: B): B {
  const copy = structuredClone(b);
  copy.id = newId();
  if (copy.type === "columns") copy.columns = copy.columns.map((col) => col.map(cloneWithIds));
  return copy;
}

/** Inserts a copy (with new ids) right after the block; returns the document and the copy's id. */
export function duplicateBlock(
  doc: EmailDocument,
  id: string,
): { doc: EmailDocument; id: string | null } {
  const at = locate(doc, id);
  if (!at) return { doc, id: null };
  const copy = cloneWithIds(at.block);
  const list = [...listOf(doc, at.container)];
  list.splice(at.index + 1, 0, copy);
  return { doc: withList(doc, at.container, list), id: copy.id };
}

/** Moves a block by `delta` places within its container (no-op at the ends). */
export function moveBlock(doc: EmailDocument, id: string, delta: number): EmailDocument {
  const at = locate(doc, id);
  if (!at) return doc;
  const list = [...listOf(doc, at.container)];
  const to = at.index + delta;
  if (to < 0 || to >= list.length) return doc;
  const [b] = list.splice(at.index, 1);
  list.splice(to, 0, b!);
  return withList(doc, at.container, list);
}

/** Moves `activeId` to the place of `overId` when both are in the same container (drag and drop). */
export function moveOnto(doc: EmailDocument, activeId: string, overId: string): EmailDocument {
  const a = locate(doc, activeId);
  const o = locate(doc, overId);
  if (!a || !o || a.index === o.index) return doc;
  if (JSON.stringify(a.container) !== JSON.stringify(o.container)) return doc;
  return moveBlock(doc, activeId, o.index - a.index);
}

/** Changes a columns block's column count; blocks of removed columns join the last kept one. */
export function setColumnCount(doc: EmailDocument, id: string, n: number): EmailDocument {
  const b = doc.blocks.find((x) => x.id === id);
  if (b?.type !== "columns" || n < 1 || n > 3) return doc;
  let columns = b.columns.slice(0, n);
  if (n < b.columns.length)
    columns = columns.map((c, i) => (i === n - 1 ? [...c, ...b.columns.slice(n).flat()] : c));
  while (columns.length < n) columns.push([]);
  return updateBlock(doc, id, { columns } as Partial<Block>);
}
