"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { orgAction, type OrgActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { createCampaign, deleteCampaign, duplicateCampaign } from "./create-campaign";
import { parseHelsinkiInput } from "./helsinki-time";
import {
  cancelCampaign,
  pauseCampaign,
  resumeCampaign,
  scheduleCampaign,
  unscheduleCampaign,
} from "./schedule";
import {
  CampaignIdSchema,
  CreateCampaignSchema,
  ScheduleSchema,
  UpdateSettingsSchema,
} from "./schemas";
import { updateCampaignSettings } from "./update-settings";

const actor = (ctx: OrgActionContext) => ({
  userId: ctx.userId,
  userEmail: ctx.userEmail,
  ip: ctx.ip,
});
const page = (ctx: OrgActionContext, id: string) => `/${ctx.slug}/campaigns/${id}`;

/** Creates a draft campaign (editors) and opens it. */
export const createCampaignAction = orgAction(
  { schema: CreateCampaignSchema, role: "editor" },
  async (input, ctx) => {
    const c = await createCampaign(await getDb(), {
      orgId: ctx.orgId,
      actor: actor(ctx),
      name: input.name,
      ...input.target,
      senderId: input.senderId,
      subject: input.subject,
      contentKind: input.contentKind,
      channel: input.channel,
      smsSender: input.smsSender,
      textBody: input.textBody,
    });
    revalidatePath(`/${ctx.slug}/campaigns`);
    redirect(page(ctx, c.id));
  },
);

/** Saves a campaign's settings (editors). */
export const updateSettingsAction = orgAction(
  { schema: UpdateSettingsSchema, role: "editor" },
  async ({ campaignId, ...input }, ctx) => {
    await updateCampaignSettings(await getDb(), {
      orgId: ctx.orgId,
      actor: actor(ctx),
      campaignId,
      input,
    });
    revalidatePath(page(ctx, campaignId), "layout");
  },
);

/** Sends now or schedules at a Helsinki date and time (editors). */
export const scheduleCampaignAction = orgAction(
  { schema: ScheduleSchema, role: "editor" },
  async (input, ctx) => {
    let at: Date | null = null;
    if (input.when === "at") {
      at = parseHelsinkiInput(input.date, input.time);
      if (!at)
        throw new AppError("BAD_REQUEST", {
          userMessage: "campaigns.errors.dateInvalid",
          fieldErrors: { date: ["campaigns.errors.dateInvalid"] },
        });
    }
    await scheduleCampaign(await getDb(), {
      orgId: ctx.orgId,
      actor: actor(ctx),
      campaignId: input.campaignId,
      at,
    });
    revalidatePath(page(ctx, input.campaignId), "layout");
  },
);

/** One status move by a button (editors). */
function statusAction(fn: typeof pauseCampaign) {
  return orgAction({ schema: CampaignIdSchema, role: "editor" }, async (input, ctx) => {
    await fn(await getDb(), { orgId: ctx.orgId, actor: actor(ctx), campaignId: input.campaignId });
    revalidatePath(page(ctx, input.campaignId), "layout");
    revalidatePath(`/${ctx.slug}/campaigns`);
  });
}

/** Pauses a scheduled or sending campaign (editors). */
export const pauseCampaignAction = statusAction(pauseCampaign);
/** Resumes a paused campaign (editors). */
export const resumeCampaignAction = statusAction(resumeCampaign);
/** Cancels a campaign for good (editors). */
export const cancelCampaignAction = statusAction(cancelCampaign);
/** Takes a scheduled campaign back to draft (editors). */
export const unscheduleCampaignAction = statusAction(unscheduleCampaign);

/** Copies a campaign into a new draft (editors) and opens the copy. */
export const duplicateCampaignAction = orgAction(
  { schema: CampaignIdSchema, role: "editor" },
  async (input, ctx) => {
    const c = await duplicateCampaign(await getDb(), {
      orgId: ctx.orgId,
      actor: actor(ctx),
      campaignId: input.campaignId,
      copySuffix: (await getLocale()) === "en" ? "(copy)" : "(kopio)",
    });
    revalidatePath(`/${ctx.slug}/campaigns`);
    redirect(page(ctx, c.id));
  },
);

/** Deletes a draft (editors) and returns to the list. */
export const deleteCampaignAction = orgAction(
  { schema: CampaignIdSchema, role: "editor" },
  async (input, ctx) => {
    await deleteCampaign(await getDb(), {
      orgId: ctx.orgId,
      actor: actor(ctx),
      campaignId: input.campaignId,
    });
    revalidatePath(`/${ctx.slug}/campaigns`);
    redirect(`/${ctx.slug}/campaigns`);
  },
);
