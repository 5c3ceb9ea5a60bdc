import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { campaigns, emailTemplates, smsTemplates } from "@/db/schema";
import { saveCampaignContent, type SavedContent } from "@/lib/campaigns/save-content";
import { AppError } from "@/lib/errors";
import { authorizeActor, type Actor } from "@/lib/registers/registers";

export type EmailTemplate = typeof emailTemplates.$inferSelect;

/** True for a well-formed uuid; anything else can only be "not found". */
export const isUuid = (v: string) => z.uuid().safeParse(v).success;

/** A template name trimmed and capped at 200 characters; empty is a field error on `name`. */
export function cleanName(name: string) {
  const n = name.trim();
  if (!n)
    throw new AppError("BAD_REQUEST", { fieldErrors: { name: ["templates.errors.nameRequired"] } });
  return n.slice(0, 200);
}

/** The organisation's templates, most recently changed first (without their bodies). */
export async function listTemplates(db: Db, orgId: string) {
  return db
    .select({
      id: emailTemplates.id,
      name: emailTemplates.name,
      contentKind: emailTemplates.contentKind,
      updatedAt: emailTemplates.updatedAt,
    })
    .from(emailTemplates)
    .where(eq(emailTemplates.orgId, orgId))
    .orderBy(desc(emailTemplates.updatedAt), desc(emailTemplates.id));
}

/** One template of the organisation, or NOT_FOUND (another organisation's id included). */
export async function getTemplateOrThrow(db: Db, orgId: string, templateId: string) {
  if (!isUuid(templateId)) throw new AppError("NOT_FOUND");
  const [t] = await db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.orgId, orgId), eq(emailTemplates.id, templateId)));
  if (!t) throw new AppError("NOT_FOUND");
  return t;
}

/**
 * Saves an e-mail campaign's current content (body, subject, preheader) as a new template
 * (editors). The campaign is loaded by (id, orgId); its content was checked when it was saved.
 */
export async function createTemplateFromCampaign(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { campaignId: string; name: string },
): Promise<EmailTemplate> {
  await authorizeActor(db, orgId, actor, "editor");
  const name = cleanName(input.name);
  if (!isUuid(input.campaignId)) throw new AppError("NOT_FOUND");
  const [c] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.orgId, orgId)));
  if (!c || c.channel !== "email") throw new AppError("NOT_FOUND");
  const [t] = await db
    .insert(emailTemplates)
    .values({
      orgId,
      name,
      contentKind: c.contentKind,
      subject: c.subject,
      preheader: c.preheader,
      document: c.document,
      html: c.html,
      textBody: c.textBody,
      createdBy: actor.userId,
    })
    .returning();
  return t!;
}

/** Either channel's template table; both have `id`, `orgId`, `name` and `updatedAt`. */
export type TemplateTable = typeof emailTemplates | typeof smsTemplates;

/** Renames a template of the organisation in its channel's table (editors); else NOT_FOUND. */
export async function renameTemplateIn(
  db: Db,
  table: TemplateTable,
  orgId: string,
  actor: Actor,
  input: { templateId: string; name: string },
) {
  await authorizeActor(db, orgId, actor, "editor");
  const name = cleanName(input.name);
  if (!isUuid(input.templateId)) throw new AppError("NOT_FOUND");
  const rows = await db
    .update(table)
    .set({ name, updatedAt: sql`now()` })
    .where(and(eq(table.orgId, orgId), eq(table.id, input.templateId)))
    .returning({ id: table.id });
  if (rows.length === 0) throw new AppError("NOT_FOUND");
}

/**
 * Deletes a template of the organisation from its channel's table (editors); else NOT_FOUND.
 * Campaigns made from it keep their own copy.
 */
export async function deleteTemplateIn(
  db: Db,
  table: TemplateTable,
  orgId: string,
  actor: Actor,
  templateId: string,
) {
  await authorizeActor(db, orgId, actor, "editor");
  if (!isUuid(templateId)) throw new AppError("NOT_FOUND");
  const rows = await db
    .delete(table)
    .where(and(eq(table.orgId, orgId), eq(table.id, templateId)))
    .returning({ id: table.id });
  if (rows.length === 0) throw new AppError("NOT_FOUND");
}

/** Renames an e-mail template of the organisation (editors). */
export const renameTemplate = (
  db: Db,
  orgId: string,
  actor: Actor,
  input: { templateId: string; name: string },
) => renameTemplateIn(db, emailTemplates, orgId, actor, input);

/** Deletes an e-mail template of the organisation (editors). */
export const deleteTemplate = (db: Db, orgId: string, actor: Actor, templateId: string) =>
  deleteTemplateIn(db, emailTemplates, orgId, actor, templateId);

/**
 * Replaces a campaign's body with a template's (editors; both the organisation's). Goes through
 * saveCampaignContent, so the template's merge tags are checked against this campaign's
 * register and a stale `baseVersion` is refused like any other save.
 */
export async function applyTemplateToCampaign(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { campaignId: string; templateId: string; baseVersion: number },
): Promise<SavedContent> {
  await authorizeActor(db, orgId, actor, "editor");
  const t = await getTemplateOrThrow(db, orgId, input.templateId);
  return saveCampaignContent(db, orgId, actor, {
    campaignId: input.campaignId,
    baseVersion: input.baseVersion,
    contentKind: t.contentKind,
    document: t.document,
    html: t.html,
    textBody: t.textBody,
  });
}
