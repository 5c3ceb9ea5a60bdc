"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { orgAction, type OrgActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import {
  approvePreview,
  MAX_TEST_ADDRESSES,
  runNetworkChecks,
  sendCampaignTest,
} from "./preflight";
import { sendSmsCampaignTest } from "./preflight-sms";
import { loadCampaignPreview } from "./preview";
import { renderCampaign } from "./renderer";

const id = z.uuid({ error: "errors.NOT_FOUND" });
const actor = (ctx: OrgActionContext) => ({
  userId: ctx.userId,
  userEmail: ctx.userEmail,
  ip: ctx.ip,
});
const page = (ctx: OrgActionContext, campaignId: string) =>
  revalidatePath(`/${ctx.slug}/campaigns/${campaignId}`, "layout");

const Version = z.coerce.number().int().min(1);
const ContactId = z.union([z.literal("").transform(() => undefined), id]).optional();

/** "Approve preview": the content version the user looked at may now be sent (editors). */
export const approvePreviewAction = orgAction(
  { schema: z.object({ campaignId: id, version: Version }), role: "editor" },
  async (input, ctx) => {
    await approvePreview(await getDb(), { orgId: ctx.orgId, ...input, actor: actor(ctx) });
    page(ctx, input.campaignId);
  },
);

const email = z.email({ error: "preflight.errors.invalidAddress" });
const Addresses = z
  .string()
  .transform((v) => v.split(/[\s,;]+/).filter(Boolean))
  .superRefine((list, ctx) => {
    if (list.length === 0 || list.length > MAX_TEST_ADDRESSES)
      ctx.addIssue({ code: "custom", message: "preflight.errors.addressCount" });
    const bad = list.find((a) => a.length > 254 || !email.safeParse(a).success);
    if (bad)
      ctx.addIssue({ code: "custom", message: `preflight.errors.invalidAddress|address=${bad}` });
  });

/** Test send to up to 10 addresses as the chosen contact; marks the version checked (editors). */
export const sendTestAction = orgAction(
  {
    schema: z.object({
      campaignId: id,
      version: Version,
      addresses: Addresses,
      contactId: ContactId,
    }),
    role: "editor",
  },
  async (input, ctx) => {
    const r = await sendCampaignTest(await getDb(), {
      orgId: ctx.orgId,
      ...input,
      actor: actor(ctx),
      render: renderCampaign,
    });
    page(ctx, input.campaignId);
    return r;
  },
);

/** Runs the link/image check and rspamd for the message as the chosen contact (any member). */
export const runNetworkChecksAction = orgAction(
  { schema: z.object({ campaignId: id, contactId: ContactId }), role: "viewer" },
  async (input, ctx) => {
    const db = await getDb();
    // Each run requests every URL of the message: bounded per organisation.
    await enforceRateLimits(db, [
      { key: `preflight:checks:${ctx.orgId}`, limit: 60, windowSeconds: 3600 },
    ]);
    const p = await loadCampaignPreview(db, { orgId: ctx.orgId, ...input, render: renderCampaign });
    if (p.campaign.channel !== "email") throw new AppError("NOT_FOUND");
    return runNetworkChecks(db, p);
  },
);

/** Test SMS as the chosen contact to up to 10 numbers; marks the version checked (editors). */
export const sendSmsTestAction = orgAction(
  {
    schema: z.object({
      campaignId: id,
      version: Version,
      numbers: z.string().transform((v) =>
        v
          .split(/[\n,;]+/)
          .map((n) => n.trim())
          .filter(Boolean),
      ),
      contactId: ContactId,
    }),
    role: "editor",
  },
  async (input, ctx) => {
    const r = await sendSmsCampaignTest(await getDb(), {
      orgId: ctx.orgId,
      ...input,
      actor: actor(ctx),
    });
    page(ctx, input.campaignId);
    return r;
  },
);
