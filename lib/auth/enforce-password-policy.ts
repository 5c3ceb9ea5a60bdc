import { AppError } from "@/lib/errors";
import { passwordErrors } from "./password-policy";

/**
 * Throws BAD_REQUEST with the broken rules (i18n keys "password.rules.<rule>") on the password
 * field when the password does not meet the policy (A4); the browser shows the same checklist.
 */
export function enforcePasswordPolicy(
  password: string,
  names: { firstName: string; lastName: string },
  field = "password",
): void {
  const errors = passwordErrors(password, names);
  if (errors.length > 0)
    throw new AppError("BAD_REQUEST", {
      userMessage: "errors.PASSWORD_POLICY",
      fieldErrors: { [field]: errors },
    });
}
