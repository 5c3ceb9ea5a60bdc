import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { smsSenders } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { compileTemplate, renderTemplate } from "@/lib/personalize/template";
import { smsLength } from "@/lib/sms/encoding";
import { registerFieldNames } from "./merge-check";

/**
 * Most parts one SMS may have: the Kannel sendsms user's `max-messages` (KANNEL_MAX_PARTS),
 * the limit the gateway refuses longer texts by (lib/sms/kannel.ts). The editor and the create
 * and save checks use the same figure, with either gateway.
 */
export function smsMaxParts(): number {
  return env().KANNEL_MAX_PARTS;
}

const fieldError = (field: string, message: string) =>
  new AppError("BAD_REQUEST", { userMessage: message, fieldErrors: { [field]: [message] } });

/**
 * The allowed sender (S2) of the organisation named `sender`, or NOT_FOUND with a field error
 * on `smsSender` (another organisation's sender name is not found here either).
 */
export async function getSmsSenderOrThrow(db: Db, orgId: string, sender: string) {
  const [row] = sender
    ? await db
        .select()
        .from(smsSenders)
        .where(and(eq(smsSenders.orgId, orgId), eq(smsSenders.sender, sender)))
    : [];
  if (!row)
    throw new AppError("NOT_FOUND", {
      userMessage: "campaigns.errors.smsSenderNotFound",
      fieldErrors: { smsSender: ["campaigns.errors.smsSenderNotFound"] },
    });
  return row;
}

/**
 * Checks an SMS campaign's text (S1, S3) against the register: not empty, merge fields known
 * (a `text` template, as readiness and dispatch compile it), and not over the part limit even
 * before personalization (the text rendered with no contact values — what every recipient gets
 * at least). Errors are field errors on `textBody`. Returns the trimmed text.
 */
export async function checkSmsText(
  db: Db,
  orgId: string,
  registerId: string,
  text: string,
): Promise<string> {
  const body = text.trim();
  if (!body) throw fieldError("textBody", "campaigns.errors.smsTextRequired");
  let fixed: string;
  try {
    const compiled = compileTemplate(body, {
      kind: "text",
      fields: await registerFieldNames(db, orgId, registerId),
    });
    fixed = renderTemplate(compiled, {}).trim();
  } catch (err) {
    if (!isAppError(err)) throw err;
    throw fieldError("textBody", err.userMessage);
  }
  const max = smsMaxParts();
  const parts = smsLength(fixed).parts;
  if (parts > max)
    throw fieldError("textBody", `campaigns.errors.smsTooLong|parts=${parts}|max=${max}`);
  return body;
}
