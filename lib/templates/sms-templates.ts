import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, smsTemplates } from "@/db/schema";
import type { SavedContent } from "@/lib/campaigns/save-content";
import { saveSmsText } from "@/lib/campaigns/save-sms-text";
import { AppError } from "@/lib/errors";
import { authorizeActor, type Actor } from "@/lib/registers/registers";
import { cleanName, deleteTemplateIn, isUuid, renameTemplateIn } from "./templates";

export type SmsTemplate = typeof smsTemplates.$inferSelect;

/** The organisation's SMS templates, most recently changed first (any member). */
export async function listSmsTemplates(db: Db, orgId: string) {
  return db
    .select({
      id: smsTemplates.id,
      name: smsTemplates.name,
      textBody: smsTemplates.textBody,
      updatedAt: smsTemplates.updatedAt,
    })
    .from(smsTemplates)
    .where(eq(smsTemplates.orgId, orgId))
    .orderBy(desc(smsTemplates.updatedAt), desc(smsTemplates.id));
}

/** One SMS template of the organisation, or NOT_FOUND (another organisation's id included). */
export async function getSmsTemplateOrThrow(db: Db, orgId: string, templateId: string) {
  if (!isUuid(templateId)) throw new AppError("NOT_FOUND");
  const [t] = await db
    .select()
    .from(smsTemplates)
    .where(and(eq(smsTemplates.orgId, orgId), eq(smsTemplates.id, templateId)));
  if (!t) throw new AppError("NOT_FOUND");
  return t;
}

/**
 * Saves an SMS campaign's current (saved) text as a new SMS template (editors). The campaign is
 * loaded by (id, orgId), so another organisation's is NOT_FOUND; an e-mail campaign or an empty
 * text is a BAD_REQUEST with a message saying so.
 */
export async function createSmsTemplateFromCampaign(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { campaignId: string; name: string },
): Promise<SmsTemplate> {
  await authorizeActor(db, orgId, actor, "editor");
  const name = cleanName(input.name);
  if (!isUuid(input.campaignId)) throw new AppError("NOT_FOUND");
  const [c] = await db
    .select({ channel: campaigns.channel, textBody: campaigns.textBody })
    .from(campaigns)
    .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.orgId, orgId)));
  if (!c) throw new AppError("NOT_FOUND");
  if (c.channel !== "sms")
    throw new AppError("BAD_REQUEST", { userMessage: "templates.errors.notSmsCampaign" });
  const textBody = c.textBody ?? "";
  if (!textBody.trim())
    throw new AppError("BAD_REQUEST", { userMessage: "templates.errors.emptySmsText" });
  const [t] = await db
    .insert(smsTemplates)
    .values({ orgId, name, textBody, createdBy: actor.userId })
    .returning();
  return t!;
}

/** Renames an SMS template of the organisation (editors). */
export const renameSmsTemplate = (
  db: Db,
  orgId: string,
  actor: Actor,
  input: { templateId: string; name: string },
) => renameTemplateIn(db, smsTemplates, orgId, actor, input);

/** Deletes an SMS template of the organisation (editors); campaigns keep their own text. */
export const deleteSmsTemplate = (db: Db, orgId: string, actor: Actor, templateId: string) =>
  deleteTemplateIn(db, smsTemplates, orgId, actor, templateId);

/**
 * Replaces an SMS campaign's text with a template's (editors; both the organisation's). Goes
 * through saveSmsText, so the text is checked against this campaign's register (unknown merge
 * field, length) and a stale `baseVersion` or a read-only campaign is refused like any save.
 */
export async function applySmsTemplateToCampaign(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { campaignId: string; templateId: string; baseVersion: number },
): Promise<SavedContent> {
  await authorizeActor(db, orgId, actor, "editor");
  const t = await getSmsTemplateOrThrow(db, orgId, input.templateId);
  return saveSmsText(db, orgId, actor, {
    campaignId: input.campaignId,
    baseVersion: input.baseVersion,
    textBody: t.textBody,
  });
}
