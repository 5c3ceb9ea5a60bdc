import { DEFAULT_BRAND } from "@/lib/brand/defaults";
import type { Block } from "@/lib/campaigns/document";
import type { RenderInput } from "./index";

/** A render input for tests: a block document with the given blocks, Finnish, linked images. */
export function renderInput(
  blocks: Block[] | unknown[],
  over: Partial<RenderInput> = {},
): RenderInput {
  return {
    contentKind: "blocks",
    subject: "Syysjuhla",
    preheader: "",
    document: { version: 1, blocks },
    html: null,
    textBody: null,
    brand: DEFAULT_BRAND,
    footer: {
      addressSourceStatement: "Saat tämän viestin, koska olet rekisterissä Jäsenet (Kyläyhdistys).",
      privacyUrl: "https://app.example.fi/p/r/abcdefghijkl/privacy",
      organisationName: "Kyläyhdistys ry",
      organisationAddress: "Kylätie 1, 40100 Jyväskylä",
    },
    inlineImages: false,
    baseUrl: "https://app.example.fi",
    locale: "fi",
    imageResolver: (id) =>
      id === IMAGE_ID
        ? {
            url: "https://app.example.fi/i/pk_logo123",
            contentType: "image/png",
            sizeBytes: 30_000,
          }
        : null,
    ...over,
  };
}

export const IMAGE_ID = "0b6b6a3e-6c1f-4f5e-9a51-2f1d2d8e9c11";

/** Occurrences of a pattern in a string. */
export const count = (s: string, re: RegExp) => (s.match(new RegExp(re.source, "g")) ?? []).length;

/** The opening tags (with attributes) matching a tag name, e.g. all `<td …>` of the HTML. */
export const tags = (html: string, name: string) =>
  html.match(new RegExp(`<${name}\\b[^>]*>`, "gi")) ?? [];
