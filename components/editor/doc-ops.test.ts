import { describe, expect, it } from "vitest";
import { DocumentSchema, emptyDocument, type EmailDocument } from "@/lib/campaigns/document";
import * as ops from "./doc-ops";
import { historyReducer } from "./use-history";

const texts = { heading: "Otsikko", text: "Teksti", button: "Osta" };
const ids = (doc: EmailDocument) => doc.blocks.map((b) => b.id);

describe("document operations", () => {
  it("builds a valid two-column document, moves, duplicates and removes blocks", () => {
    let doc = emptyDocument();
    const h = ops.newBlock("heading", texts);
    const cols = ops.newBlock("columns2", texts);
    const btn = ops.newBlock("button", texts);
    doc = ops.addBlock(ops.addBlock(doc, h), cols);
    doc = ops.addBlock(doc, btn, { columnsId: cols.id, col: 1 });
    for (const k of ops.PALETTE) doc = ops.addBlock(doc, ops.newBlock(k, texts));
    expect(DocumentSchema.safeParse(doc).success).toBe(true);
    expect(ops.locate(doc, btn.id)?.container).toEqual({ columnsId: cols.id, col: 1 });

    const moved = ops.moveOnto(doc, cols.id, h.id);
    expect(ids(moved).slice(0, 2)).toEqual([cols.id, h.id]);
    expect(ops.moveBlock(moved, cols.id, -1)).toBe(moved);
    // Across containers nothing moves.
    expect(ops.moveOnto(doc, btn.id, h.id)).toBe(doc);

    const dup = ops.duplicateBlock(doc, cols.id);
    const copy = dup.doc.blocks[2];
    expect(copy?.type === "columns" && copy.columns[1]![0]!.id).not.toBe(btn.id);
    expect(DocumentSchema.safeParse(dup.doc).success).toBe(true);

    const gone = ops.removeBlock(doc, btn.id);
    expect(ops.locate(gone, btn.id)).toBeNull();
    const one = ops.setColumnCount(doc, cols.id, 1);
    const c = one.blocks.find((b) => b.id === cols.id);
    expect(c?.type === "columns" && c.columns.map((x) => x.map((b) => b.id))).toEqual([[btn.id]]);
  });

  it("undoes and redoes, grouping typing into one step", () => {
    let s = {
      past: [] as string[],
      present: "a",
      future: [] as string[],
      group: null as string | null,
    };
    s = historyReducer(s, { type: "set", value: "ab", group: "t" });
    s = historyReducer(s, { type: "set", value: "abc", group: "t" });
    s = historyReducer(s, { type: "set", value: "X" });
    expect(s.past).toEqual(["a", "abc"]);
    s = historyReducer(s, { type: "undo" });
    s = historyReducer(s, { type: "undo" });
    expect(s.present).toBe("a");
    s = historyReducer(s, { type: "redo" });
    expect(s.present).toBe("abc");
    s = historyReducer(s, { type: "set", value: "new" });
    expect(s.future).toEqual([]);
  });
});
