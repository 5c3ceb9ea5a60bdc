import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { campaigns } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { contactMergeValues } from "@/lib/personalize/fields";
import { compileTemplate, renderTemplate } from "@/lib/personalize/template";
import { authorizeActor, listColumns, type Actor } from "@/lib/registers/registers";
import { audienceContacts } from "./audience";
import { registerFieldNames } from "./merge-check";
import { getCampaignOrThrow } from "./queries";
import { isContentEditable, type SavedContent } from "./save-content";
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
  await authorizeActor(db, orgId, actor, "editor");
  if (!z.uuid().safeParse(input.campaignId).success) throw new AppError("NOT_FOUND");
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const [c] = await tx
      .select({
        status: campaigns.status,
        channel: campaigns.channel,
        registerId: campaigns.registerId,
        contentVersion: campaigns.contentVersion,
      })
      .from(campaigns)
      .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.orgId, orgId)))
      .for("update");
    if (!c || c.channel !== "sms") throw new AppError("NOT_FOUND");
    if (!isContentEditable(c.status))
      throw new AppError("CONFLICT", { userMessage: "editor.errors.readOnly" });
    if (c.contentVersion !== input.baseVersion)
      throw new AppError("CONFLICT", { userMessage: "editor.errors.stale" });
    const textBody = await checkSmsText(tx, orgId, c.registerId, input.textBody);
    const [row] = await tx
      .update(campaigns)
      .set({
        textBody,
        contentVersion: sql`${campaigns.contentVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.orgId, orgId)))
      .returning({ contentVersion: campaigns.contentVersion, savedAt: campaigns.updatedAt });
    return row!;
  });
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
