"use server";

import { getDb } from "@/db";
import { orgAction, type OrgActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { SaveContentSchema } from "./content-schemas";
import { saveCampaignContent } from "./save-content";

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
