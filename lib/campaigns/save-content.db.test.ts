import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { campaigns } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { createEmailCampaign } from "@/db/seed/campaign-factory";
import { getCampaignContent } from "./content-queries";
import type { EmailDocument } from "./document";
import { saveCampaignContent } from "./save-content";

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

const doc = (blocks: unknown[]): EmailDocument =>
  ({ version: 1, blocks, style: { width: 600 } }) as EmailDocument;

describe("saveCampaignContent", () => {
  it("saves a block document, bumps the version and sanitizes rich text", async () => {
    const { org, actor, campaign } = await setup();
    const saved = await saveCampaignContent(h.db, org.id, actor, {
      campaignId: campaign.id,
      contentKind: "blocks",
      baseVersion: campaign.contentVersion,
      document: doc([
        { id: "h1", type: "heading", text: 'Hei {{ first_name | default: "asiakas" }}' },
        {
          id: "c1",
          type: "columns",
          columns: [
            [
              {
                id: "t1",
                type: "text",
                html: '<p onclick="x()">Terveiset {{ kaupunki }}<img src=x onerror="alert(1)"><script>alert(2)</script></p>',
              },
            ],
            [{ id: "b1", type: "button", label: "Osta", href: "https://example.fi/" }],
          ],
        },
      ]),
    });
    expect(saved.contentVersion).toBe(campaign.contentVersion + 1);
    const read = await getCampaignContent(h.db, org.id, campaign.id);
    const cols = read!.document.blocks[1];
    const text = cols?.type === "columns" ? cols.columns[0]![0] : undefined;
    expect(text?.type === "text" && text.html).toBe("<p>Terveiset {{ kaupunki }}</p>");
    expect(read!.contentVersion).toBe(saved.contentVersion);
  });

  it("refuses an unknown merge tag, naming the tag and the block", async () => {
    const { org, actor, campaign } = await setup();
    const err = await saveCampaignContent(h.db, org.id, actor, {
      campaignId: campaign.id,
      contentKind: "blocks",
      baseVersion: campaign.contentVersion,
      document: doc([
        { id: "ok", type: "heading", text: "{{ first_name }}" },
        { id: "bad", type: "button", label: "{{ shoe_size }}", href: "https://x.fi" },
      ]),
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "BAD_REQUEST",
      userMessage: "personalize.errors.unknownField|field=shoe_size",
      fieldErrors: { "block:bad": ["personalize.errors.unknownField|field=shoe_size"] },
    });
    const [row] = await h.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row!.contentVersion).toBe(campaign.contentVersion);
  });

  it("refuses javascript: and data: addresses in links and images", async () => {
    const { org, actor, campaign } = await setup();
    const err = await saveCampaignContent(h.db, org.id, actor, {
      campaignId: campaign.id,
      contentKind: "blocks",
      baseVersion: campaign.contentVersion,
      document: doc([
        { id: "ok", type: "button", label: "A", href: "mailto:info@example.fi" },
        { id: "js", type: "button", label: "B", href: "javascript:alert(1)" },
        { id: "img", type: "image", src: "data:image/png;base64,AAAA", alt: "" },
      ]),
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: {
        "block:js": ["editor.errors.badUrl|url=javascript:alert(1)"],
        "block:img": ["editor.errors.badUrl|url=data:image/png;base64,AAAA"],
      },
    });
  });

  it("refuses an invalid document with the path named", async () => {
    const { org, actor, campaign } = await setup();
    await expect(
      saveCampaignContent(h.db, org.id, actor, {
        campaignId: campaign.id,
        contentKind: "blocks",
        baseVersion: campaign.contentVersion,
        document: doc([{ id: "s", type: "spacer", height: 9999 }]),
      }),
    ).rejects.toMatchObject({ userMessage: "editor.errors.invalidDocument|path=blocks.0.height" });
  });

  it("refuses a stale version instead of overwriting", async () => {
    const { org, actor, campaign } = await setup();
    const base = campaign.contentVersion;
    const first = { campaignId: campaign.id, contentKind: "text" as const, baseVersion: base };
    await saveCampaignContent(h.db, org.id, actor, { ...first, textBody: "Ensimmäinen" });
    await expect(
      saveCampaignContent(h.db, org.id, actor, { ...first, textBody: "Toinen" }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: "editor.errors.stale" });
    expect((await getCampaignContent(h.db, org.id, campaign.id))!.textBody).toBe("Ensimmäinen");
  });

  it("keeps designer HTML layout but drops scripts and handlers; checks its merge tags", async () => {
    const { org, actor, campaign } = await setup();
    await saveCampaignContent(h.db, org.id, actor, {
      campaignId: campaign.id,
      contentKind: "html",
      baseVersion: campaign.contentVersion,
      html: '<table width="600"><tr><td style="color:red" onmouseover="x()">Hei {{ first_name }}<script>alert(1)</script><a href="javascript:alert(1)">x</a></td></tr></table>',
    });
    const read = await getCampaignContent(h.db, org.id, campaign.id);
    expect(read!.contentKind).toBe("html");
    expect(read!.html).toBe(
      '<table width="600"><tr><td style="color:red">Hei {{ first_name }}<a>x</a></td></tr></table>',
    );
    await expect(
      saveCampaignContent(h.db, org.id, actor, {
        campaignId: campaign.id,
        contentKind: "html",
        baseVersion: read!.contentVersion,
        html: "<p>{{ nope }}</p>",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { html: ["personalize.errors.unknownField|field=nope"] },
    });
  });

  it("refuses viewers, sent campaigns and other organisations", async () => {
    const { org, actor, campaign } = await setup();
    const input = {
      campaignId: campaign.id,
      contentKind: "text" as const,
      textBody: "Hei",
      baseVersion: campaign.contentVersion,
    };
    const viewer = await createUser(h.db, { orgId: org.id, role: "viewer" });
    await expect(
      saveCampaignContent(h.db, org.id, { userId: viewer.id, userEmail: viewer.email }, input),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const other = await createOrg(h.db);
    const stranger = await createUser(h.db, { orgId: other.id, role: "main" });
    const strangerActor = { userId: stranger.id, userEmail: stranger.email };
    await expect(saveCampaignContent(h.db, other.id, strangerActor, input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(saveCampaignContent(h.db, org.id, strangerActor, input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getCampaignContent(h.db, other.id, campaign.id)).toBeNull();

    await h.db.update(campaigns).set({ status: "sent" }).where(eq(campaigns.id, campaign.id));
    await expect(saveCampaignContent(h.db, org.id, actor, input)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "editor.errors.readOnly",
    });
    expect((await getCampaignContent(h.db, org.id, campaign.id))!.editable).toBe(false);
  });
});
