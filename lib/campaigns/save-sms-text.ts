import type { Db } from "@/db";
import { AppError } from "@/lib/errors";
import { contactMergeValues } from "@/lib/personalize/fields";
import { compileTemplate, renderTemplate } from "@/lib/personalize/template";
import { listColumns, type Actor } from "@/lib/registers/registers";
import { audienceContacts } from "./audience";
import { registerFieldNames } from "./merge-check";
import { getCampaignOrThrow } from "./queries";
import { saveContentVersion, type SavedContent } from "./save-content";
import { checkSmsText } from "./sms-text";

/**
 * Saves an SMS campaign's text (editors; loaded by id and orgId, so another organisation's or an
 * e-mail campaign is NOT_FOUND). Refuses a stale `baseVersion` and a campaign already sending or
 * sent (CONFLICT); the text is checked like at creation (empty, unknown merge field, too many
 * parts) with a field error on `textBody`, and nothing is stored then. Bumps `contentVersion`.
 */
export async function saveSmsText(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { campaignId: string; textBody: string; baseVersion: number },
): Promise<SavedContent> {
  return saveContentVersion(db, orgId, actor, input, "sms", async (tx, registerId) => ({
    textBody: await checkSmsText(tx, orgId, registerId, input.textBody),
  }));
}

/**
 * `text` (the editor's current, possibly unsaved text) personalized as one contact of the SMS
 * campaign's audience — `contactId` when it is one of the first 20, else the first — the way
 * dispatch renders it. Any member (read-only). An unknown merge field throws its field error.
 */
export async function previewSmsText(
  db: Db,
  opts: { orgId: string; campaignId: string; text: string; contactId?: string },
): Promise<{ text: string; contactId: string | null }> {
  const c = await getCampaignOrThrow(db, opts);
  if (c.channel !== "sms") throw new AppError("NOT_FOUND");
  const [people, columns, fields] = await Promise.all([
    audienceContacts(db, c.orgId, c).catch(() => []),
    listColumns(db, c.orgId, c.registerId),
    registerFieldNames(db, c.orgId, c.registerId),
  ]);
  const person = people.find((p) => p.id === opts.contactId) ?? people[0] ?? null;
  const compiled = compileTemplate(opts.text, { kind: "text", fields });
  const values = person ? contactMergeValues(person, columns) : {};
  return { text: renderTemplate(compiled, values).trim(), contactId: person?.id ?? null };
}
