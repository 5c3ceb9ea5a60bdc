import { describe, expect, it } from "vitest";
import { renderMessage } from "./index";
import { IMAGE_ID, renderInput, tags } from "./test-helpers";
import { GMAIL_CLIP_BYTES, MAX_MIME_BYTES } from "./types";

describe("images and sizes", () => {
  it("CID mode: cid: references, one inline image per distinct image, counted in the MIME size", async () => {
    const blocks = [
      { id: "a", type: "image", imageId: IMAGE_ID, src: "" },
      { id: "b", type: "image", imageId: IMAGE_ID, src: "" },
    ];
    const linked = await renderMessage(renderInput(blocks));
    const inline = await renderMessage(renderInput(blocks, { inlineImages: true }));
    expect(inline.inlineImages).toEqual([
      { cid: "img1@viestikone", imageId: IMAGE_ID, contentType: "image/png", sizeBytes: 30_000 },
    ]);
    expect(
      tags(inline.html!, "img").filter((t) => t.includes('src="cid:img1@viestikone"')),
    ).toHaveLength(2);
    expect(inline.html).not.toContain("/i/pk_logo123");
    expect(linked.inlineImages).toEqual([]);
    expect(inline.mimeBytes - linked.mimeBytes).toBeGreaterThan(40_000); // 30 kB as base64
  });

  it("blocks a message over 250 kB and warns about Gmail clipping over 102 kB", async () => {
    const para = `<p>${"Pitkä uutiskirjeteksti, jossa on paljon sisältöä. ".repeat(40)}</p>`;
    const big = await renderMessage(
      renderInput(
        Array.from({ length: 80 }, (_, i) => ({ id: `t${i}`, type: "text", html: para })),
      ),
    );
    expect(big.mimeBytes).toBeGreaterThan(MAX_MIME_BYTES);
    expect(big.findings.map((f) => [f.code, f.severity])).toEqual([
      ["render.mimeTooLarge", "block"],
      ["render.htmlOverGmailClip", "warn"],
    ]);
    expect(big.findings[0]!.values).toMatchObject({ maxKb: 250, bytes: big.mimeBytes });

    // Mostly markup, little text: a big HTML part but a small text part.
    const medium = await renderMessage(
      renderInput([{ id: "m", type: "text", html: "<p>Moi</p>".repeat(3000) }]),
    );
    expect(medium.htmlBytes).toBeGreaterThan(GMAIL_CLIP_BYTES);
    expect(medium.mimeBytes).toBeLessThan(MAX_MIME_BYTES);
    expect(medium.findings.map((f) => f.code)).toEqual(["render.htmlOverGmailClip"]);

    const small = await renderMessage(renderInput([{ id: "t", type: "text", html: para }]));
    expect(small.findings).toEqual([]);
    expect(small.htmlBytes).toBe(Buffer.byteLength(small.html!));
  });
});
