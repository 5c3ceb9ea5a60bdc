import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { campaigns } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { createEmailCampaign, createSmsCampaign } from "@/db/seed/campaign-factory";
import {
  applySmsTemplateToCampaign,
  createSmsTemplateFromCampaign,
  deleteSmsTemplate,
  getSmsTemplateOrThrow,
  listSmsTemplates,
  renameSmsTemplate,
} from "./sms-templates";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const TEXT = "Hei {{ first_name }}! Syysale {{ kaupunki }} alkaa huomenna.";

/** An organisation with an editor and an SMS campaign whose register has the field kaupunki. */
async function setup() {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role: "editor" });
  const actor = { userId: u.id, userEmail: u.email, ip: null };
  const sms = (over: { textBody?: string; columns?: string[] } = {}) =>
    createSmsCampaign(h.db, { orgId: org.id, userId: u.id, textBody: TEXT, ...over }).then(
      (r) => r.campaign,
    );
  return { org, actor, campaign: await sms(), sms };
}

async function campaignRow(orgId: string, id: string) {
  const [c] = await h.db
    .select({ textBody: campaigns.textBody, contentVersion: campaigns.contentVersion })
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.orgId, orgId)));
  return c!;
}

describe("SMS templates", () => {
  it("saves an SMS campaign's text as a template, lists, renames and deletes it", async () => {
    const { org, actor, campaign } = await setup();
    const t = await createSmsTemplateFromCampaign(h.db, org.id, actor, {
      campaignId: campaign.id,
      name: "  Syysale  ",
    });
    expect(t).toMatchObject({ name: "Syysale", textBody: TEXT, createdBy: actor.userId });
    const second = await createSmsTemplateFromCampaign(h.db, org.id, actor, {
      campaignId: campaign.id,
      name: "Kevät",
    });
    // Newest first.
    expect((await listSmsTemplates(h.db, org.id)).map((x) => x.name)).toEqual(["Kevät", "Syysale"]);

    await renameSmsTemplate(h.db, org.id, actor, { templateId: t.id, name: "Talvi" });
    expect((await listSmsTemplates(h.db, org.id)).map((x) => x.name)).toEqual(["Talvi", "Kevät"]);
    await expect(
      renameSmsTemplate(h.db, org.id, actor, { templateId: t.id, name: "  " }),
    ).rejects.toMatchObject({ fieldErrors: { name: ["templates.errors.nameRequired"] } });

    await deleteSmsTemplate(h.db, org.id, actor, second.id);
    expect((await listSmsTemplates(h.db, org.id)).map((x) => x.id)).toEqual([t.id]);
    await expect(getSmsTemplateOrThrow(h.db, org.id, second.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses to save an e-mail campaign or an empty SMS text as an SMS template", async () => {
    const { org, actor, sms } = await setup();
    const empty = await sms({ textBody: "  " });
    await expect(
      createSmsTemplateFromCampaign(h.db, org.id, actor, { campaignId: empty.id, name: "X" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", userMessage: "templates.errors.emptySmsText" });
    const { campaign: email } = await createEmailCampaign(h.db, {
      orgId: org.id,
      userId: actor.userId,
    });
    await expect(
      createSmsTemplateFromCampaign(h.db, org.id, actor, { campaignId: email.id, name: "X" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      userMessage: "templates.errors.notSmsCampaign",
    });
    expect(await listSmsTemplates(h.db, org.id)).toEqual([]);
  });

  it("applies a template to another SMS campaign through the SMS text save", async () => {
    const { org, actor, campaign, sms } = await setup();
    const t = await createSmsTemplateFromCampaign(h.db, org.id, actor, {
      campaignId: campaign.id,
      name: "Syysale",
    });
    const target = await sms({ textBody: "Vanha teksti" });
    const saved = await applySmsTemplateToCampaign(h.db, org.id, actor, {
      campaignId: target.id,
      templateId: t.id,
      baseVersion: target.contentVersion,
    });
    expect(saved.contentVersion).toBe(target.contentVersion + 1);
    expect(await campaignRow(org.id, target.id)).toEqual({
      textBody: TEXT,
      contentVersion: target.contentVersion + 1,
    });

    // The version the client had is now stale: refused, nothing changes.
    await expect(
      applySmsTemplateToCampaign(h.db, org.id, actor, {
        campaignId: target.id,
        templateId: t.id,
        baseVersion: target.contentVersion,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: "editor.errors.stale" });
    expect((await campaignRow(org.id, target.id)).contentVersion).toBe(saved.contentVersion);
  });

  it("refuses a template whose merge field the target campaign's register lacks", async () => {
    const { org, actor, campaign, sms } = await setup();
    const t = await createSmsTemplateFromCampaign(h.db, org.id, actor, {
      campaignId: campaign.id,
      name: "Syysale",
    });
    const target = await sms({ textBody: "Hei!", columns: ["Postinumero"] });
    await expect(
      applySmsTemplateToCampaign(h.db, org.id, actor, {
        campaignId: target.id,
        templateId: t.id,
        baseVersion: target.contentVersion,
      }),
    ).rejects.toMatchObject({
      fieldErrors: { textBody: ["personalize.errors.unknownField|field=kaupunki"] },
    });
    expect(await campaignRow(org.id, target.id)).toEqual({
      textBody: "Hei!",
      contentVersion: target.contentVersion,
    });
  });

  it("refuses a viewer every change", async () => {
    const { org, actor, campaign } = await setup();
    const t = await createSmsTemplateFromCampaign(h.db, org.id, actor, {
      campaignId: campaign.id,
      name: "Syysale",
    });
    const v = await createUser(h.db, { orgId: org.id, role: "viewer" });
    const viewer = { userId: v.id, userEmail: v.email, ip: null };
    const refused = { code: "FORBIDDEN" };
    await expect(
      createSmsTemplateFromCampaign(h.db, org.id, viewer, { campaignId: campaign.id, name: "V" }),
    ).rejects.toMatchObject(refused);
    await expect(
      renameSmsTemplate(h.db, org.id, viewer, { templateId: t.id, name: "V" }),
    ).rejects.toMatchObject(refused);
    await expect(deleteSmsTemplate(h.db, org.id, viewer, t.id)).rejects.toMatchObject(refused);
    await expect(
      applySmsTemplateToCampaign(h.db, org.id, viewer, {
        campaignId: campaign.id,
        templateId: t.id,
        baseVersion: campaign.contentVersion,
      }),
    ).rejects.toMatchObject(refused);
    expect((await listSmsTemplates(h.db, org.id)).map((x) => x.name)).toEqual(["Syysale"]);
    expect((await campaignRow(org.id, campaign.id)).contentVersion).toBe(campaign.contentVersion);
  });

  it("keeps SMS templates and campaigns within their organisation", async () => {
    const mine = await setup();
    const t = await createSmsTemplateFromCampaign(h.db, mine.org.id, mine.actor, {
      campaignId: mine.campaign.id,
      name: "Oma",
    });
    const other = await setup();
    const o = { orgId: other.org.id, actor: other.actor };
    const notFound = { code: "NOT_FOUND" };
    expect(await listSmsTemplates(h.db, o.orgId)).toEqual([]);
    await expect(getSmsTemplateOrThrow(h.db, o.orgId, t.id)).rejects.toMatchObject(notFound);
    await expect(
      renameSmsTemplate(h.db, o.orgId, o.actor, { templateId: t.id, name: "Varastettu" }),
    ).rejects.toMatchObject(notFound);
    await expect(deleteSmsTemplate(h.db, o.orgId, o.actor, t.id)).rejects.toMatchObject(notFound);
    // Another organisation's template onto one's own campaign.
    await expect(
      applySmsTemplateToCampaign(h.db, o.orgId, o.actor, {
        campaignId: other.campaign.id,
        templateId: t.id,
        baseVersion: other.campaign.contentVersion,
      }),
    ).rejects.toMatchObject(notFound);
    // One's own template onto another organisation's campaign.
    const own = await createSmsTemplateFromCampaign(h.db, o.orgId, o.actor, {
      campaignId: other.campaign.id,
      name: "Toinen",
    });
    await expect(
      applySmsTemplateToCampaign(h.db, o.orgId, o.actor, {
        campaignId: mine.campaign.id,
        templateId: own.id,
        baseVersion: mine.campaign.contentVersion,
      }),
    ).rejects.toMatchObject(notFound);
    // Another organisation's campaign as the source.
    await expect(
      createSmsTemplateFromCampaign(h.db, o.orgId, o.actor, {
        campaignId: mine.campaign.id,
        name: "X",
      }),
    ).rejects.toMatchObject(notFound);

    // Nothing changed in the first organisation.
    expect(await listSmsTemplates(h.db, mine.org.id)).toMatchObject([{ id: t.id, name: "Oma" }]);
    expect(await campaignRow(mine.org.id, mine.campaign.id)).toEqual({
      textBody: TEXT,
      contentVersion: mine.campaign.contentVersion,
    });
    expect((await listSmsTemplates(h.db, o.orgId)).map((x) => x.name)).toEqual(["Toinen"]);
  });
});
