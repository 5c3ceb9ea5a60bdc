"use server";

import { getDb } from "@/db";
import { orgAction, type OrgActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { SaveContentSchema } from "./content-schemas";
import { saveCampaignContent } from "./save-content";
import { previewSmsText, saveSmsText } from "./save-sms-text";
import { z } from "zod";

const actor = (ctx: OrgActionContext) => ({
  userId: ctx.userId,
  userEmail: ctx.userEmail,
  ip: ctx.ip,
});

function json(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: "editor.errors.invalidDocument|path=" });
  }
}

/**
 * Saves a campaign's body (editors): autosave and the kind switch both post here. No
 * revalidation: the editor holds the state, and the page is read fresh on every visit.
 */
export const saveCampaignContentAction = orgAction(
  { schema: SaveContentSchema, role: "editor" },
  async (input, ctx) => {
    const saved = await saveCampaignContent(await getDb(), ctx.orgId, actor(ctx), {
      ...input,
      document: json(input.document),
    });
    return { contentVersion: saved.contentVersion, savedAt: saved.savedAt.toISOString() };
  },
);

const SmsTextSchema = z.object({
  campaignId: z.string().min(1).max(40),
  textBody: z.string().max(5000),
  baseVersion: z.coerce.number().int().min(0),
});

/** Saves an SMS campaign's text (editors); autosave posts here. */
export const saveSmsTextAction = orgAction(
  { schema: SmsTextSchema, role: "editor" },
  async (input, ctx) => {
    const saved = await saveSmsText(await getDb(), ctx.orgId, actor(ctx), input);
    return { contentVersion: saved.contentVersion, savedAt: saved.savedAt.toISOString() };
  },
);

/** The editor's text personalized as one audience contact (any member; reads only). */
export const previewSmsTextAction = orgAction(
  {
    schema: z.object({
      campaignId: z.uuid({ error: "errors.NOT_FOUND" }),
      textBody: z.string().max(5000),
      contactId: z.string().max(40).optional(),
    }),
    role: "viewer",
    allowSuspended: true,
  },
  async (input, ctx) =>
    previewSmsText(await getDb(), {
      orgId: ctx.orgId,
      campaignId: input.campaignId,
      text: input.textBody,
      contactId: input.contactId,
    }),
);
