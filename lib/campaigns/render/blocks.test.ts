import { describe, expect, it } from "vitest";
import { renderMessage } from "./index";
import { count, IMAGE_ID, renderInput, tags } from "./test-helpers";
import { LINK_SENTINEL, UNSUBSCRIBE_SENTINEL } from "./types";

const html = async (...args: Parameters<typeof renderInput>) =>
  (await renderMessage(renderInput(...args))).html!;

describe("block output", () => {
  it("heading: the level's tag, size, alignment and colour (own colour over the brand's)", async () => {
    const out = await html([
      { id: "a", type: "heading", text: "Syysjuhla", level: 2, align: "center" },
      { id: "b", type: "heading", text: "Ohjelma", level: 3, color: "#aa0000" },
    ]);
    const [h2] = tags(out, "h2");
    expect(h2).toMatch(/font-size:22px/);
    expect(h2).toMatch(/text-align:center/);
    expect(h2).toMatch(/color:#111827/);
    expect(out).toMatch(/<h2[^>]*>Syysjuhla<\/h2>/);
    expect(tags(out, "h3")[0]).toMatch(/color:#aa0000/);
  });

  it("rich text: allowed tags kept with inlined styles, links in the primary colour", async () => {
    const styled = await html([], {
      document: {
        version: 1,
        style: { primaryColor: "#0f766e", fontStack: "Georgia, serif" },
        blocks: [
          {
            id: "t",
            type: "text",
            html: "<p>Tule <strong>mukaan</strong> <a href='https://kylayhdistys.fi'>Lue</a></p><ul><li>kahvi</li></ul>",
          },
        ],
      },
    });
    expect(styled).toMatch(/<p style="margin: ?0 0 12px;?">Tule <strong>mukaan<\/strong>/);
    expect(styled).toMatch(/<ul style="[^"]*padding-left: ?24px/);
    expect(styled).toMatch(/<a href="%%VK_LINK_0%%" style="color: ?#0f766e/);
    expect(styled).toMatch(/class="vk-text" style="[^"]*font-family:Georgia, serif/);
  });

  it("image from the bank: absolute public URL, pixel width from the column width, alt, link", async () => {
    const out = await html([
      {
        id: "i",
        type: "image",
        imageId: IMAGE_ID,
        src: "",
        alt: "Logo",
        widthPercent: 50,
        href: "https://kylayhdistys.fi",
      },
    ]);
    const [img] = tags(out, "img").filter((t) => t.includes("pk_logo123"));
    expect(img).toMatch(/src="https:\/\/app\.example\.fi\/i\/pk_logo123"/);
    expect(img).toMatch(/alt="Logo"/);
    expect(img).toMatch(/width="276"/); // (600 − 2×24) × 50 %
    expect(out).toMatch(/<a href="%%VK_LINK_0%%"[^>]*><img/);
  });

  it("image: a missing bank image or a non-http source is left out with a finding", async () => {
    const r = await renderMessage(
      renderInput([
        { id: "gone", type: "image", imageId: "11111111-1111-4111-8111-111111111111", src: "" },
        { id: "bad", type: "image", imageId: null, src: "javascript:alert(1)" },
      ]),
    );
    expect(tags(r.html!, "img").filter((t) => !t.includes("VK_OPEN"))).toEqual([]);
    expect(r.findings).toEqual([
      { code: "render.imageMissing", severity: "warn", values: { block: "gone" } },
      { code: "render.imageUnsafe", severity: "warn", values: { block: "bad" } },
    ]);
  });

  it("button: a tracked link in the brand's primary colour, its own colours win", async () => {
    const r = await renderMessage(
      renderInput([
        { id: "b1", type: "button", label: "Ilmoittaudu", href: "https://kylayhdistys.fi/ilmo" },
        {
          id: "b2",
          type: "button",
          label: "Lahjoita",
          href: "https://kylayhdistys.fi/l",
          color: "#16a34a",
          textColor: "#000000",
        },
        { id: "b3", type: "button", label: "Huono", href: "javascript:alert(1)" },
      ]),
    );
    const anchors = tags(r.html!, "a");
    expect(anchors[0]).toMatch(/href="%%VK_LINK_0%%"/);
    expect(anchors[0]).toMatch(/background-color:#1d4ed8/);
    expect(anchors[1]).toMatch(/background-color:#16a34a/);
    expect(anchors[1]).toMatch(/color:#000000/);
    expect(r.links.map((l) => l.label)).toContain("Ilmoittaudu");
    expect(r.html).toContain("Huono");
    expect(r.html).not.toContain("javascript:");
  });

  it("columns: one cell per column sharing the width, stacked by a media query", async () => {
    const out = await html([
      {
        id: "c",
        type: "columns",
        columns: [
          [{ id: "x", type: "text", html: "<p>Yksi</p>" }],
          [{ id: "y", type: "image", imageId: IMAGE_ID, src: "", widthPercent: 100 }],
          [{ id: "z", type: "heading", text: "Kolme" }],
        ],
      },
    ]);
    const cols = tags(out, "td").filter((t) => t.includes("vk-col"));
    expect(cols).toHaveLength(3);
    for (const c of cols) expect(c).toMatch(/width="33%"/);
    expect(tags(out, "img").find((t) => t.includes("pk_logo123"))).toMatch(/width="152"/); // 200 − 48
    expect(out).toMatch(
      /@media only screen and \(max-width:\s*620px\)[\s\S]*\.vk-col\s*\{[^}]*display:\s*block !important/,
    );
  });

  it("divider, spacer and social links", async () => {
    const out = await html([
      { id: "d", type: "divider", color: "#ff0000" },
      { id: "s", type: "spacer", height: 40 },
      {
        id: "so",
        type: "social",
        links: [
          { network: "facebook", url: "https://facebook.com/kyla" },
          { network: "website", url: "https://kylayhdistys.fi" },
          { network: "x", url: "javascript:alert(1)" },
        ],
      },
    ]);
    expect(tags(out, "hr")[0]).toMatch(/border-top:1px solid #ff0000/);
    expect(tags(out, "td").find((t) => t.includes("vk-spacer"))).toMatch(/height="40"/);
    expect(out).toMatch(/>Facebook<\/a>/);
    expect(out).toMatch(/>Verkkosivut<\/a>/);
    expect(out).not.toMatch(/>X<\/a>/);
  });

  it("footer block: the organisation's own text, then the compliance lines", async () => {
    const r = await renderMessage(
      renderInput([{ id: "f", type: "footer", html: "<p>Kiitos että olet mukana!</p>" }]),
    );
    const out = r.html!;
    expect(out.indexOf("Kiitos että olet mukana!")).toBeLessThan(out.indexOf("Kyläyhdistys ry"));
    expect(count(out, /Peru tilaus tai muuta asetuksiasi/)).toBe(1);
    expect(out).toContain(`href="${UNSUBSCRIBE_SENTINEL}"`);
  });

  it("a message without a footer block still carries organisation, statement, privacy and unsubscribe", async () => {
    const r = await renderMessage(
      renderInput([{ id: "h", type: "heading", text: "Hei" }], { locale: "en" }),
    );
    const out = r.html!;
    expect(out).toContain("Kyläyhdistys ry · Kylätie 1, 40100 Jyväskylä");
    expect(out).toContain("Saat tämän viestin, koska olet rekisterissä Jäsenet");
    expect(out).toMatch(/<a href="%%VK_LINK_\d+%%"[^>]*>Privacy notice<\/a>/);
    expect(out).toMatch(/<a href="%%VK_UNSUB%%"[^>]*>Unsubscribe or change your preferences<\/a>/);
    expect(r.links.find((l) => l.label === "Privacy notice")?.url).toBe(
      "https://app.example.fi/p/r/abcdefghijkl/privacy",
    );
    expect(r.text).toContain("Unsubscribe or change your preferences (%%VK_UNSUB%%)");
  });

  it("document: brand colours with the document's overrides, logo, hidden preheader, colour-scheme meta", async () => {
    const r = await renderMessage(
      renderInput([], {
        preheader: "Kahvia ja pullaa",
        brand: { ...renderInput([]).brand, logoImageId: IMAGE_ID, backgroundColor: "#eeeeee" },
        document: {
          version: 1,
          blocks: [],
          style: { contentBackgroundColor: "#fafafa", width: 640 },
        },
      }),
    );
    const out = r.html!;
    expect(out).toMatch(/<body[^>]*background-color:#eeeeee/);
    expect(out).toMatch(/class="vk-container"[^>]*max-width:640px[^>]*background-color:#fafafa/);
    expect(out).toMatch(/<meta name="color-scheme" content="light dark"/);
    expect(out).toMatch(/<div style="display:none[^"]*"[^>]*>Kahvia ja pullaa/);
    expect(tags(out, "img").some((t) => t.includes("pk_logo123"))).toBe(true);
    expect(r.text).not.toContain("Kahvia ja pullaa");
    expect(r.preheader).toBe("Kahvia ja pullaa");
    expect(out).toContain(LINK_SENTINEL(0)); // the privacy link
  });
});
