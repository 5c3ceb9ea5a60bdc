import { z } from "zod";
import { isShortCode, normalizePhone, senderProblem } from "./phone";

const phone = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const n = normalizePhone(v);
    if (!n) ctx.addIssue({ code: "custom", message: "errors.PHONE_INVALID" });
    return n ?? v;
  });

/** A sender name or number (S2); the message names the offending character. */
export const senderField = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const p = senderProblem(v);
    if (p)
      ctx.addIssue({
        code: "custom",
        message: `errors.SENDER_${p.code}${p.character ? `|character=${p.character}` : ""}`,
      });
  });

export const SendTestSmsSchema = z.object({
  from: senderField,
  to: phone,
  text: z.string().trim().min(1, "errors.TEXT_EMPTY").max(1530, "errors.TEXT_TOO_LONG"),
});
export type SendTestSmsInput = z.infer<typeof SendTestSmsSchema>;

export const InboundSmsSchema = z.object({
  from: phone,
  to: z.string().trim().refine(isShortCode, "errors.SHORT_CODE_INVALID"),
  text: z.string().trim().min(1, "errors.TEXT_EMPTY").max(1000, "errors.TEXT_TOO_LONG"),
});
export type InboundSmsInput = z.infer<typeof InboundSmsSchema>;
