import type { brands } from "@/db/schema";

/** The brand fields the renderer reads (a `brands` row or the defaults). */
export type BrandStyle = Pick<
  typeof brands.$inferSelect,
  | "logoImageId"
  | "primaryColor"
  | "textColor"
  | "backgroundColor"
  | "contentBackgroundColor"
  | "fontStack"
>;

/** An organisation's brand before anyone has saved one (matches the column defaults). */
export const DEFAULT_BRAND: BrandStyle = {
  logoImageId: null,
  primaryColor: "#1d4ed8",
  textColor: "#111827",
  backgroundColor: "#f3f4f6",
  contentBackgroundColor: "#ffffff",
  fontStack: "Arial, Helvetica, sans-serif",
};

/** Font stacks that render everywhere without web fonts (value shown in the brand form). */
export const FONT_STACKS = [
  { key: "arial", value: "Arial, Helvetica, sans-serif" },
  { key: "verdana", value: "Verdana, Geneva, sans-serif" },
  { key: "tahoma", value: "Tahoma, Verdana, Segoe, sans-serif" },
  { key: "trebuchet", value: "'Trebuchet MS', Helvetica, sans-serif" },
  { key: "system", value: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" },
  { key: "georgia", value: "Georgia, Times, 'Times New Roman', serif" },
  { key: "times", value: "'Times New Roman', Times, serif" },
  { key: "courier", value: "'Courier New', Courier, monospace" },
] as const;
