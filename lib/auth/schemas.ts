import { z } from "zod";
import { isValidBusinessId } from "@/lib/orgs/business-id";

/** An e-mail address field: trimmed and lower-cased (sign-in is case-insensitive). */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, { error: "errors.EMAIL_INVALID" })
  .pipe(z.email({ error: "errors.EMAIL_INVALID" }));

const personName = z
  .string()
  .trim()
  .min(1, { error: "errors.NAME_REQUIRED" })
  .max(100, { error: "errors.NAME_TOO_LONG" });
// The policy (length, classes, names, common passwords) is checked by the domain function.
const newPassword = z
  .string()
  .min(1, { error: "errors.PASSWORD_REQUIRED" })
  .max(1024, { error: "errors.PASSWORD_TOO_LONG" });
const currentPassword = z.string().min(1, { error: "errors.PASSWORD_REQUIRED" }).max(1024);

export const SignUpSchema = z.object({
  firstName: personName,
  lastName: personName,
  email: emailField,
  password: newPassword,
  orgName: z
    .string()
    .trim()
    .min(2, { error: "errors.ORG_NAME_REQUIRED" })
    .max(200, { error: "errors.ORG_NAME_TOO_LONG" }),
  businessId: z.string().trim().refine(isValidBusinessId, { error: "errors.BUSINESS_ID_INVALID" }),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const EmailOnlySchema = z.object({ email: emailField });
export type EmailOnlyInput = z.infer<typeof EmailOnlySchema>;

export const ResetPasswordSchema = z.object({
  token: z.string().min(1).max(200),
  password: newPassword,
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordSchema>;

export const ProfileNameSchema = z.object({ firstName: personName, lastName: personName });
export type ProfileNameInput = z.infer<typeof ProfileNameSchema>;

export const ChangeEmailSchema = z.object({ email: emailField, currentPassword });
export type ChangeEmailInput = z.infer<typeof ChangeEmailSchema>;

export const ChangePasswordSchema = z.object({ currentPassword, password: newPassword });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const LocaleSchema = z.object({ locale: z.enum(["fi", "en"]) });
export type LocaleInput = z.infer<typeof LocaleSchema>;
