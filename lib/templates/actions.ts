"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { orgAction } from "@/lib/action";
import {
  ApplyTemplateSchema,
  CreateTemplateSchema,
  RenameTemplateSchema,
  TemplateIdSchema,
} from "./schemas";
import {
  applyTemplateToCampaign,
  createTemplateFromCampaign,
  deleteTemplate,
  renameTemplate,
} from "./templates";
import {
  applySmsTemplateToCampaign,
  createSmsTemplateFromCampaign,
  deleteSmsTemplate,
  renameSmsTemplate,
} from "./sms-templates";

/** Saves the campaign's current content as a new template (editors). */
export const createTemplateAction = orgAction(
  { schema: CreateTemplateSchema, role: "editor" },
  async (input, ctx) => {
    const t = await createTemplateFromCampaign(await getDb(), ctx.orgId, ctx, input);
    revalidatePath(`/${ctx.slug}/email/templates`);
    return { id: t.id, name: t.name };
  },
);

/** Renames a template (editors). */
export const renameTemplateAction = orgAction(
  { schema: RenameTemplateSchema, role: "editor" },
  async (input, ctx) => {
    await renameTemplate(await getDb(), ctx.orgId, ctx, input);
    revalidatePath(`/${ctx.slug}/email/templates`);
    return { name: input.name };
  },
);

/** Deletes a template (editors). */
export const deleteTemplateAction = orgAction(
  { schema: TemplateIdSchema, role: "editor" },
  async ({ templateId }, ctx) => {
    await deleteTemplate(await getDb(), ctx.orgId, ctx, templateId);
    revalidatePath(`/${ctx.slug}/email/templates`);
    return { deleted: templateId };
  },
);

/** Replaces a campaign's body with a template's, after the user confirmed (editors). */
export const applyTemplateAction = orgAction(
  { schema: ApplyTemplateSchema, role: "editor" },
  async (input, ctx) => {
    const saved = await applyTemplateToCampaign(await getDb(), ctx.orgId, ctx, input);
    revalidatePath(`/${ctx.slug}/campaigns/${input.campaignId}/content`);
    return { contentVersion: saved.contentVersion };
  },
);

/** Saves an SMS campaign's current text as a new SMS template (editors). */
export const createSmsTemplateAction = orgAction(
  { schema: CreateTemplateSchema, role: "editor" },
  async (input, ctx) => {
    const t = await createSmsTemplateFromCampaign(await getDb(), ctx.orgId, ctx, input);
    revalidatePath(`/${ctx.slug}/email/templates`);
    return { id: t.id, name: t.name };
  },
);

/** Renames an SMS template (editors). */
export const renameSmsTemplateAction = orgAction(
  { schema: RenameTemplateSchema, role: "editor" },
  async (input, ctx) => {
    await renameSmsTemplate(await getDb(), ctx.orgId, ctx, input);
    revalidatePath(`/${ctx.slug}/email/templates`);
    return { name: input.name };
  },
);

/** Deletes an SMS template (editors). */
export const deleteSmsTemplateAction = orgAction(
  { schema: TemplateIdSchema, role: "editor" },
  async ({ templateId }, ctx) => {
    await deleteSmsTemplate(await getDb(), ctx.orgId, ctx, templateId);
    revalidatePath(`/${ctx.slug}/email/templates`);
    return { deleted: templateId };
  },
);

/** Replaces an SMS campaign's text with a template's, after the user confirmed (editors). */
export const applySmsTemplateAction = orgAction(
  { schema: ApplyTemplateSchema, role: "editor" },
  async (input, ctx) => {
    const saved = await applySmsTemplateToCampaign(await getDb(), ctx.orgId, ctx, input);
    revalidatePath(`/${ctx.slug}/campaigns/${input.campaignId}/content`);
    return { contentVersion: saved.contentVersion };
  },
);
