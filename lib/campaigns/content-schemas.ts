import { z } from "zod";

/** The content form / autosave payload (FormData: numbers coerced, the document as JSON text). */
export const SaveContentSchema = z.object({
  campaignId: z.string().min(1).max(40),
  contentKind: z.enum(["blocks", "html", "text"]),
  document: z.string().max(2_000_000).optional(),
  html: z.string().max(500_000).optional(),
  textBody: z.string().max(500_000).optional(),
  baseVersion: z.coerce.number().int().min(0),
});
export type SaveContentFormInput = z.infer<typeof SaveContentSchema>;
