import { z } from "zod";

/** A from-address with its display name (E6). */
export const AddSenderSchema = z.object({
  address: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: "senders.errors.invalidAddress" })
    .pipe(z.email({ error: "senders.errors.invalidAddress" })),
  name: z
    .string()
    .trim()
    .max(100, { error: "senders.errors.nameTooLong" })
    // A display name goes into the From header: no line breaks or angle brackets.
    .refine((v) => !/[\r\n<>"]/.test(v), { error: "senders.errors.nameChars" })
    .default(""),
});
export type AddSenderInput = z.infer<typeof AddSenderSchema>;

/** A sending domain name, e.g. `uutiset.example.fi` (lower-cased, no trailing dot). */
export const AddDomainSchema = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => v.replace(/\.$/, ""))
    .pipe(
      z
        .string()
        .max(253, { error: "senders.errors.invalidDomain" })
        .regex(
          /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/,
          {
            error: "senders.errors.invalidDomain",
          },
        ),
    ),
});
export type AddDomainInput = z.infer<typeof AddDomainSchema>;
