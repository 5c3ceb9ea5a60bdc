import { z } from "zod";
import { FONT_STACKS } from "./defaults";

const color = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { error: "brand.errors.color" })
  .transform((s) => s.toLowerCase());

/** The brand form (E2): colours as #rrggbb, a font stack from FONT_STACKS, an optional logo. */
export const BrandSchema = z.object({
  logoImageId: z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : s))
    .pipe(z.uuid({ error: "brand.errors.logo" }).nullable()),
  primaryColor: color,
  textColor: color,
  backgroundColor: color,
  contentBackgroundColor: color,
  fontStack: z.enum(
    FONT_STACKS.map((f) => f.value),
    { error: "brand.errors.font" },
  ),
});
export type BrandInput = z.infer<typeof BrandSchema>;
