import { z } from "zod";

export const SendTestEmailSchema = z.object({
  to: z.email({ error: "errors.EMAIL_INVALID" }).max(320),
});
export type SendTestEmailInput = z.infer<typeof SendTestEmailSchema>;
