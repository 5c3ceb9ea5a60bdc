import { describe, expect, it } from "vitest";
import { compileTemplate, renderTemplate } from "@/lib/personalize/template";
import { renderMessage, stripOpenPixel } from "./index";
import { OPEN_PIXEL_HTML } from "./links";
import { count, IMAGE_ID, renderInput, tags } from "./test-helpers";
import { GMAIL_CLIP_BYTES, LINK_SENTINEL_RE, MAX_MIME_BYTES, OPEN_SENTINEL } from "./types";

const FIELDS = ["first_name", "last_name", "email", "phone", "kaupunki"];
const fill = (source: string, kind: "html" | "text", values: Record<string, string>) =>
  renderTemplate(compileTemplate(source, { kind, fields: FIELDS }), values);

describe("merge tags", () => {
  const blocks = [
    { id: "h", type: "heading", text: 'Hei {{ first_name | default: "asiakas" }}!' },
    {
      id: "t",
      type: "text",
      html: `<p>Terveiset {{ kaupunki | default: 'kotiin' }} &amp; <a href="https://kylayhdistys.fi/?k={{ email | url_encode }}">oma linkki</a></p>`,
    },
    {
      id: "b",
      type: "button",
      label: 'Tule {{ first_name | default: "sinäkin" }}',
      href: "https://kylayhdistys.fi",
    },
  ];

  it("survive rendering and are filled by lib/personalize in both parts", async () => {
    const r = await renderMessage(
      renderInput(blocks, { preheader: 'Moi {{ first_name | default: "sinä" }}' }),
    );
    const liisa = { first_name: "Liisa", kaupunki: "Jyväskylä", email: "liisa@example.fi" };
    const html = fill(r.html!, "html", liisa);
    expect(html).toContain("Hei Liisa!");
    expect(html).toContain("Terveiset Jyväskylä &amp;");
    expect(html).toContain("Tule Liisa");
    expect(html).toContain("Moi Liisa");
    expect(html).toContain('href="https://kylayhdistys.fi/?k=liisa%40example.fi"');
    const nobody = fill(r.html!, "html", {});
    expect(nobody).toContain("Hei asiakas!");
    expect(nobody).toContain("Terveiset kotiin");
    const text = fill(r.text, "text", liisa);
    expect(text).toContain("Hei Liisa!");
    expect(text).toContain("oma linkki (https://kylayhdistys.fi/?k=liisa%40example.fi)");
  });

  it("a personal link (merge tag in its URL) is not numbered", async () => {
    const r = await renderMessage(renderInput(blocks));
    expect(r.links.map((l) => l.url)).not.toContain(expect.stringContaining("{{"));
    expect(r.links.map((l) => l.label)).toEqual([
      'Tule {{ first_name | default: "sinäkin" }}',
      "Tietosuojaseloste",
    ]);
  });

  it("a recipient's value with markup is escaped by the engine, not injected", async () => {
    const r = await renderMessage(renderInput(blocks));
    const html = fill(r.html!, "html", { first_name: "<script>x</script>" });
    expect(html).not.toContain("<script>x");
    expect(html).toContain("Hei &lt;script&gt;x&lt;/script&gt;!");
  });
});

describe("sanitization", () => {
  const hostile =
    `<p onclick="steal()">Hei<script>alert(1)</script><img src=x onerror="alert(2)">` +
    `<a href="javascript:alert(3)">klik</a><a href="data:text/html,x">d</a><iframe src="https://evil.example"></iframe></p>`;

  it("strips script, event handlers, javascript: and data: links from rich text", async () => {
    const r = await renderMessage(renderInput([{ id: "t", type: "text", html: hostile }]));
    for (const bad of [
      "<script",
      "alert(1)",
      "onerror",
      "onclick",
      "javascript:",
      "data:text",
      "<iframe",
      '<img src="x"',
    ])
      expect(r.html).not.toContain(bad);
    expect(r.html).toContain("Hei");
    expect(r.html).toContain("klik");
  });

  it("designer HTML: keeps layout and <style>, drops scripts, handlers, forms, frames; CSS inlined", async () => {
    const r = await renderMessage(
      renderInput([], {
        contentKind: "html",
        document: null,
        preheader: "Esikatseluteksti",
        html:
          `<html><head><style>.box{color:#ff0000}</style></head><body>` +
          `<table class="box" width="100%"><tr><td class="box">Tarjous</td></tr></table>` +
          `<a href="https://kauppa.fi" onmouseover="x()">Kauppa</a>${hostile}` +
          `<form action="https://evil.example"><input name="pw"></form><object data="x"></object></body></html>`,
      }),
    );
    const out = r.html!;
    for (const bad of [
      "<script",
      "onerror",
      "onmouseover",
      "onclick",
      "javascript:",
      "<iframe",
      "<form",
      "<input",
      "<object",
    ])
      expect(out).not.toContain(bad);
    expect(out).toMatch(/<td class="box" style="color: ?#ff0000;?">Tarjous<\/td>/);
    expect(out).toMatch(/<a href="%%VK_LINK_0%%"[^>]*>Kauppa<\/a>/);
    expect(out).toContain("Esikatseluteksti");
    expect(out).toContain("%%VK_UNSUB%%"); // compliance footer added
    expect(r.text).toContain("Kauppa (%%VK_LINK_0%%)");
    expect(r.text).not.toContain("Esikatseluteksti");
  });

  it("designer HTML fragment is wrapped in a full document with the colour-scheme meta", async () => {
    const r = await renderMessage(
      renderInput([], { contentKind: "html", html: "<p>Pelkkä kappale</p>" }),
    );
    expect(r.html).toMatch(/^<!DOCTYPE html><html><head><meta charset="utf-8"/);
    expect(r.html).toMatch(/<meta name="color-scheme" content="light dark"/);
    expect(r.html).toMatch(/<body[^>]*><p>Pelkkä kappale<\/p>/);
  });
});

describe("links, pixel and text part", () => {
  const blocks = [
    {
      id: "t",
      type: "text",
      html: `<p><a href="https://a.fi/x?y=1&z=2">Eka</a> <a href="mailto:info@a.fi">posti</a> <a href="tel:+358401234567">soita</a></p>`,
    },
    { id: "b", type: "button", label: "Toka", href: "https://b.fi" },
    { id: "b2", type: "button", label: "Sama uudestaan", href: "https://a.fi/x?y=1&z=2" },
  ];

  it("numbers every http(s) link in document order; mailto and tel stay as they are", async () => {
    const r = await renderMessage(renderInput(blocks));
    expect(r.links).toEqual([
      { idx: 0, url: "https://a.fi/x?y=1&z=2", label: "Eka" },
      { idx: 1, url: "https://b.fi", label: "Toka" },
      { idx: 2, url: "https://a.fi/x?y=1&z=2", label: "Sama uudestaan" },
      {
        idx: 3,
        url: "https://app.example.fi/p/r/abcdefghijkl/privacy",
        label: "Tietosuojaseloste",
      },
    ]);
    expect(r.html).not.toMatch(/href="https?:/);
    expect(r.html).toContain('href="mailto:info@a.fi"');
    expect(r.html).toContain('href="tel:+358401234567"');
    const sentinels = [...r.html!.matchAll(LINK_SENTINEL_RE)].map((m) => Number(m[1]));
    expect(sentinels).toEqual([0, 1, 2, 3]);
  });

  it("puts the open pixel last in the body; stripOpenPixel removes exactly it", async () => {
    const r = await renderMessage(renderInput(blocks));
    expect(count(r.html!, new RegExp(OPEN_SENTINEL))).toBe(1);
    expect(r.html).toMatch(
      new RegExp(`${OPEN_PIXEL_HTML.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</body></html>$`),
    );
    const stripped = stripOpenPixel(r.html!);
    expect(stripped).not.toContain(OPEN_SENTINEL);
    expect(stripped.length).toBe(r.html!.length - OPEN_PIXEL_HTML.length);
  });

  it("generated text part: links as text (sentinel), no images, the footer lines", async () => {
    const r = await renderMessage(renderInput(blocks));
    expect(r.text).toContain("Eka (%%VK_LINK_0%%)");
    expect(r.text).toContain("Toka (%%VK_LINK_1%%)");
    expect(r.text).toContain("Kyläyhdistys ry · Kylätie 1, 40100 Jyväskylä");
    expect(r.text).toContain("Peru tilaus tai muuta asetuksiasi (%%VK_UNSUB%%)");
    expect(r.text).not.toContain("<");
  });

  it("an image link reads as its alt text in the text part", async () => {
    const r = await renderMessage(
      renderInput([
        {
          id: "i",
          type: "image",
          imageId: IMAGE_ID,
          src: "",
          alt: "Syysjuhlan juliste",
          href: "https://kyla.fi",
        },
      ]),
    );
    expect(r.text).toContain("Syysjuhlan juliste (%%VK_LINK_0%%)");
  });

  it("a hand-written text part wins, reuses the HTML's link numbers and gets the footer", async () => {
    const r = await renderMessage(
      renderInput(blocks, { textBody: "Katso https://b.fi ja uusi https://c.fi/sivu." }),
    );
    expect(r.text).toMatch(/^Katso %%VK_LINK_1%% ja uusi %%VK_LINK_4%%\./);
    expect(r.links[4]).toEqual({ idx: 4, url: "https://c.fi/sivu", label: "https://c.fi/sivu" });
    expect(r.text).toContain("Peru tilaus tai muuta asetuksiasi: %%VK_UNSUB%%");
    expect(r.text).toContain("Tietosuojaseloste: %%VK_LINK_3%%");
  });

  it("text kind: no HTML part, links numbered, footer appended", async () => {
    const r = await renderMessage(
      renderInput([], {
        contentKind: "text",
        textBody: "Hei {{ first_name }}! Ohjelma: https://kyla.fi/ohjelma",
      }),
    );
    expect(r.html).toBeNull();
    expect(r.htmlBytes).toBe(0);
    expect(r.text).toMatch(/^Hei \{\{ first_name \}\}! Ohjelma: %%VK_LINK_0%%/);
    expect(r.links[0]).toEqual({
      idx: 0,
      url: "https://kyla.fi/ohjelma",
      label: "https://kyla.fi/ohjelma",
    });
    expect(r.text).toContain("%%VK_UNSUB%%");
  });
});

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
