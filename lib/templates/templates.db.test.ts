import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { createEmailCampaign } from "@/db/seed/campaign-factory";
import { getCampaignContent } from "@/lib/campaigns/content-queries";
import { saveCampaignContent } from "@/lib/campaigns/save-content";
import type { EmailDocument } from "@/lib/campaigns/document";
import {
  applyTemplateToCampaign,
  createTemplateFromCampaign,
  deleteTemplate,
  getTemplateOrThrow,
  listTemplates,
  renameTemplate,
} from "./templates";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function setup() {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role: "editor" });
  const actor = { userId: u.id, userEmail: u.email, ip: null };
  const { campaign } = await createEmailCampaign(h.db, { orgId: org.id, userId: u.id });
  return { org, actor, campaign };
}

const document: EmailDocument = {
  version: 1,
  blocks: [{ id: "h", type: "heading", text: "Hei {{ kaupunki }}", level: 1, align: "left" }],
  style: { width: 600 },
};

describe("templates", () => {
  it("saves a campaign as a template, lists, renames, applies and deletes it", async () => {
    const { org, actor, campaign } = await setup();
    const saved = await saveCampaignContent(h.db, org.id, actor, {
      campaignId: campaign.id,
      contentKind: "blocks",
      document,
      baseVersion: campaign.contentVersion,
    });
    const t = await createTemplateFromCampaign(h.db, org.id, actor, {
      campaignId: campaign.id,
      name: "  Uutiskirje  ",
    });
    expect(t.name).toBe("Uutiskirje");
    expect(t.document).toEqual(document);
    await renameTemplate(h.db, org.id, actor, { templateId: t.id, name: "Kevät" });
    expect((await listTemplates(h.db, org.id)).map((x) => x.name)).toEqual(["Kevät"]);
    await expect(
      renameTemplate(h.db, org.id, actor, { templateId: t.id, name: " " }),
    ).rejects.toMatchObject({ fieldErrors: { name: ["templates.errors.nameRequired"] } });

    // A second campaign of the same organisation gets the template's body.
    const { campaign: second } = await createEmailCampaign(h.db, {
      orgId: org.id,
      userId: actor.userId,
    });
    await applyTemplateToCampaign(h.db, org.id, actor, {
      campaignId: second.id,
      templateId: t.id,
      baseVersion: second.contentVersion,
    });
    expect((await getCampaignContent(h.db, org.id, second.id))!.document).toEqual(document);
    // A stale version is refused like any save.
    await expect(
      applyTemplateToCampaign(h.db, org.id, actor, {
        campaignId: campaign.id,
        templateId: t.id,
        baseVersion: saved.contentVersion - 1,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    await deleteTemplate(h.db, org.id, actor, t.id);
    expect(await listTemplates(h.db, org.id)).toEqual([]);
  });

  it("keeps templates within their organisation", async () => {
    const { org, actor, campaign } = await setup();
    const t = await createTemplateFromCampaign(h.db, org.id, actor, {
      campaignId: campaign.id,
      name: "Oma",
    });
    const other = await setup();
    const o = { orgId: other.org.id, actor: other.actor };
    expect(await listTemplates(h.db, o.orgId)).toEqual([]);
    await expect(getTemplateOrThrow(h.db, o.orgId, t.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      renameTemplate(h.db, o.orgId, o.actor, { templateId: t.id, name: "Varastettu" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteTemplate(h.db, o.orgId, o.actor, t.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      applyTemplateToCampaign(h.db, o.orgId, o.actor, {
        campaignId: other.campaign.id,
        templateId: t.id,
        baseVersion: other.campaign.contentVersion,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createTemplateFromCampaign(h.db, o.orgId, o.actor, { campaignId: campaign.id, name: "X" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getTemplateOrThrow(h.db, org.id, t.id)).name).toBe("Oma");
  });
});
