import type { Db } from "@/db";
import { AppError, isAppError } from "@/lib/errors";
import { mergeFields } from "@/lib/personalize/fields";
import { compileTemplate } from "@/lib/personalize/template";
import { listColumns } from "@/lib/registers/registers";

/** The merge-field names a message to this register may use (built-ins and column keys). */
export async function registerFieldNames(
  db: Db,
  orgId: string,
  registerId: string,
): Promise<string[]> {
  return mergeFields(await listColumns(db, orgId, registerId)).map((f) => f.name);
}

/**
 * Refuses a subject or preheader with an unknown merge field, tag or filter (E3), as a field
 * error naming it ("personalize.errors.unknownField|field=kaupunki") so the form shows it there.
 */
export async function checkSubjectAndPreheader(
  db: Db,
  orgId: string,
  registerId: string,
  input: { subject: string; preheader: string },
): Promise<void> {
  const fields = await registerFieldNames(db, orgId, registerId);
  const fieldErrors: Record<string, string[]> = {};
  for (const key of ["subject", "preheader"] as const) {
    try {
      compileTemplate(input[key], { kind: "text", fields });
    } catch (err) {
      if (!isAppError(err)) throw err;
      fieldErrors[key] = [err.userMessage];
    }
  }
  const first = Object.values(fieldErrors)[0]?.[0];
  if (first) throw new AppError("BAD_REQUEST", { userMessage: first, fieldErrors });
}
