import { z } from "zod";

/**
 * The block document of an e-mail message (E1), stored as JSON in `campaigns.document` and
 * `email_templates.document`. The editor (components/editor) writes it, the renderer
 * (lib/campaigns/render) turns it into e-mail HTML once per campaign. Text fields may contain
 * Liquid merge tags (`{{ first_name | default: "asiakas" }}`); rich text is HTML limited to the
 * tags in `RICH_TEXT_TAGS` and is sanitized again on save and at render time.
 *
 * Versioned: a later shape bumps `version` and adds a migration step in `parseDocument`.
 */

const id = z.string().min(1).max(40);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, "colour as #rrggbb");
const align = z.enum(["left", "center", "right"]);
/** Absolute http(s) or mailto/tel URL, or a merge tag that yields one. */
const href = z.string().max(2000);

/** Tags a rich-text block may contain (what Tiptap's starter kit + link produce). */
export const RICH_TEXT_TAGS = [
  "p",
  "br",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "a",
  "ul",
  "ol",
  "li",
  "h2",
  "h3",
  "blockquote",
] as const;

export const HeadingBlockSchema = z.object({
  id,
  type: z.literal("heading"),
  text: z.string().max(500),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
  align: align.default("left"),
  color: color.optional(),
});

export const TextBlockSchema = z.object({
  id,
  type: z.literal("text"),
  /** Sanitized rich-text HTML (RICH_TEXT_TAGS only). */
  html: z.string().max(100_000),
  align: align.default("left"),
});

export const ImageBlockSchema = z.object({
  id,
  type: z.literal("image"),
  /** An image of the organisation's image bank, or null for an external URL in `src`. */
  imageId: z.uuid().nullable().default(null),
  src: z.string().max(2000),
  alt: z.string().max(300).default(""),
  href: href.optional(),
  /** Width in percent of the column (10–100). */
  widthPercent: z.number().int().min(10).max(100).default(100),
  align: align.default("center"),
});

export const ButtonBlockSchema = z.object({
  id,
  type: z.literal("button"),
  label: z.string().min(1).max(200),
  href,
  color: color.optional(),
  textColor: color.optional(),
  align: align.default("center"),
});

export const DividerBlockSchema = z.object({
  id,
  type: z.literal("divider"),
  color: color.optional(),
});

export const SpacerBlockSchema = z.object({
  id,
  type: z.literal("spacer"),
  height: z.number().int().min(4).max(200).default(24),
});

export const SOCIAL_NETWORKS = [
  "facebook",
  "instagram",
  "linkedin",
  "x",
  "youtube",
  "tiktok",
  "website",
] as const;

export const SocialBlockSchema = z.object({
  id,
  type: z.literal("social"),
  links: z.array(z.object({ network: z.enum(SOCIAL_NETWORKS), url: href })).max(10),
  align: align.default("center"),
});

/**
 * The footer: the organisation's own text plus what the renderer always adds to marketing
 * messages (unsubscribe and preferences links, the register's address-source statement and
 * privacy-notice link, R9/E10). A message without a footer block still gets those lines.
 */
export const FooterBlockSchema = z.object({
  id,
  type: z.literal("footer"),
  html: z.string().max(20_000).default(""),
});

/** Blocks allowed inside a column (no nested columns). */
export const LeafBlockSchema = z.discriminatedUnion("type", [
  HeadingBlockSchema,
  TextBlockSchema,
  ImageBlockSchema,
  ButtonBlockSchema,
  DividerBlockSchema,
  SpacerBlockSchema,
  SocialBlockSchema,
]);

export const ColumnsBlockSchema = z.object({
  id,
  type: z.literal("columns"),
  /** 1–3 columns, each a list of leaf blocks; stacked on narrow screens. */
  columns: z.array(z.array(LeafBlockSchema).max(20)).min(1).max(3),
});

export const BlockSchema = z.discriminatedUnion("type", [
  HeadingBlockSchema,
  TextBlockSchema,
  ImageBlockSchema,
  ButtonBlockSchema,
  DividerBlockSchema,
  SpacerBlockSchema,
  SocialBlockSchema,
  FooterBlockSchema,
  ColumnsBlockSchema,
]);

export const DocumentSchema = z.object({
  version: z.literal(1),
  blocks: z.array(BlockSchema).max(200),
  /** Overrides of the brand for this message; unset = the organisation's brand (E2). */
  style: z
    .object({
      backgroundColor: color.optional(),
      contentBackgroundColor: color.optional(),
      textColor: color.optional(),
      primaryColor: color.optional(),
      fontStack: z.string().max(200).optional(),
      /** Content width in px on wide screens. */
      width: z.number().int().min(480).max(800).default(600),
    })
    .default({ width: 600 }),
});

export type Block = z.infer<typeof BlockSchema>;
export type LeafBlock = z.infer<typeof LeafBlockSchema>;
export type EmailDocument = z.infer<typeof DocumentSchema>;

/** An empty document for a new message. */
export function emptyDocument(): EmailDocument {
  return { version: 1, blocks: [], style: { width: 600 } };
}

/** Parses a stored document (throws a ZodError naming the bad path). */
export function parseDocument(raw: unknown): EmailDocument {
  return DocumentSchema.parse(raw);
}
