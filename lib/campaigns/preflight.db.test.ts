import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, campaigns, emailSenders } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { createContact } from "@/lib/contacts/contacts";
import { getSandboxEmail, listSandboxEmails } from "@/lib/email/queries";
import { LocalRunner } from "@/lib/jobs/runner";
import { createRegister } from "@/lib/registers/registers";
import { approvePreview, builtInFindings, sendCampaignTest } from "./preflight";
import type { RenderCampaign } from "./prepare";
import { loadCampaignPreview, searchPreviewContacts } from "./preview";
import { renderCampaign } from "./renderer";
import { LINK_SENTINEL, UNSUBSCRIBE_SENTINEL, type RenderedMessage } from "./render/types";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

/** Stands in for lib/campaigns/render until it is merged: a fixed message with merge tags. */
const render: RenderCampaign = async (_db, c): Promise<RenderedMessage> => {
  const html = `<html><head></head><body><p>Hei {{ first_name | default: "asiakas" }}!</p><a href="${LINK_SENTINEL(0)}">Lue lisää</a><a href="${UNSUBSCRIBE_SENTINEL}">Peru tilaus</a></body></html>`;
  const text = `Hei {{ first_name | default: "asiakas" }}!\nLue lisää: ${LINK_SENTINEL(0)}\nPeru tilaus: ${UNSUBSCRIBE_SENTINEL}`;
  return {
    subject: c.subject,
    preheader: "",
    html,
    text,
    links: [{ idx: 0, url: "https://kauppa.example.fi/syksy", label: "Lue lisää" }],
    inlineImages: [],
    htmlBytes: html.length,
    mimeBytes: html.length + text.length + 800,
    findings: [],
  };
};

async function setup() {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role: "editor" });
  const actor = { userId: u.id, userEmail: u.email, ip: "192.0.2.9" };
  const reg = await createRegister(h.db, org.id, actor, { name: "Asiakkaat", columns: [] });
  const maija = await createContact(h.db, org.id, actor, reg.id, {
    email: "maija@example.fi",
    firstName: "Maija",
  });
  const pekka = await createContact(h.db, org.id, actor, reg.id, {
    email: "pekka@example.fi",
    firstName: "Pekka",
  });
  const [sender] = await h.db
    .insert(emailSenders)
    .values({
      orgId: org.id,
      address: "uutiset@kauppa.example.fi",
      name: "Kauppa",
      verifiedAt: new Date(),
    })
    .returning();
  const [c] = await h.db
    .insert(campaigns)
    .values({
      orgId: org.id,
      channel: "email",
      name: "Syyskampanja",
      registerId: reg.id,
      audience: "register",
      subject: "Syksyn uutuudet, {{ first_name }}",
      senderId: sender!.id,
      contentVersion: 3,
    })
    .returning();
  return { org, actor, reg, maija, pekka, campaign: c! };
}

const checked = async (id: string) =>
  (
    await h.db.select({ v: campaigns.checkedVersion }).from(campaigns).where(eq(campaigns.id, id))
  )[0]!.v;

describe("pre-flight preview", () => {
  it("personalises as the chosen contact of the campaign's register, links to real targets", async () => {
    const { org, campaign, pekka } = await setup();
    const p = await loadCampaignPreview(h.db, {
      orgId: org.id,
      campaignId: campaign.id,
      contactId: pekka.id,
      render,
    });
    expect(p.message.subject).toBe("Syksyn uutuudet, Pekka");
    expect(p.message.html).toContain("Hei Pekka!");
    expect(p.message.html).toContain('href="https://kauppa.example.fi/syksy"');
    expect(p.from).toBe('"Kauppa" <uutiset@kauppa.example.fi>');
    expect(builtInFindings(p)).toEqual([]);
    expect(
      (await searchPreviewContacts(h.db, org.id, campaign.registerId, "maij")).map((c) => c.label),
    ).toEqual(["Maija <maija@example.fi>"]);
  });

  it("approving the preview marks the version it showed; a stale version is refused", async () => {
    const { org, actor, campaign } = await setup();
    await expect(
      approvePreview(h.db, { orgId: org.id, campaignId: campaign.id, version: 2, actor }),
    ).rejects.toMatchObject({ code: "CONFLICT", userMessage: "preflight.errors.contentChanged" });
    expect(await checked(campaign.id)).toBeNull();
    await approvePreview(h.db, { orgId: org.id, campaignId: campaign.id, version: 3, actor });
    expect(await checked(campaign.id)).toBe(3);
    const [a] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "preflight.approved")));
    expect(a).toMatchObject({
      targetId: campaign.id,
      details: { targetName: "Syyskampanja", version: 3 },
    });
  });

  it("a test send lands in the sandbox outbox with [TEST], as the contact, and marks the version", async () => {
    const { org, actor, campaign, maija } = await setup();
    const r = await sendCampaignTest(h.db, {
      orgId: org.id,
      campaignId: campaign.id,
      version: 3,
      addresses: ["Tiina@Example.fi", "tiina@example.fi", "olli@example.fi"],
      contactId: maija.id,
      actor,
      render,
    });
    expect(r).toEqual({ sent: 2 });
    expect(await checked(campaign.id)).toBe(3);
    await new LocalRunner({ db: h.db }).drain();
    const { rows } = await listSandboxEmails(h.db, org.id);
    expect(rows.map((m) => m.toAddress).sort()).toEqual(["olli@example.fi", "tiina@example.fi"]);
    const mail = await getSandboxEmail(h.db, org.id, rows[0]!.id);
    expect(mail).toMatchObject({
      subject: "[TEST] Syksyn uutuudet, Maija",
      fromAddress: '"Kauppa" <uutiset@kauppa.example.fi>',
    });
    expect(mail!.html).toContain("Hei Maija!");
    const [a] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "preflight.test_sent")));
    expect(a!.details).toMatchObject({ count: 2 });
  });

  it("refuses more than 10 addresses, and rate-limits test sends per organisation", async () => {
    const { org, actor, campaign } = await setup();
    // One fixed instant, so the 21 sends fall in one rate-limit window.
    const now = new Date("2026-06-01T10:30:00Z");
    const base = { orgId: org.id, campaignId: campaign.id, version: 3, actor, render, now };
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}@example.fi`);
    await expect(sendCampaignTest(h.db, { ...base, addresses: eleven })).rejects.toMatchObject({
      userMessage: "preflight.errors.addressCount",
    });
    for (let i = 0; i < 20; i++)
      await sendCampaignTest(h.db, { ...base, addresses: ["t@example.fi"] });
    await expect(
      sendCampaignTest(h.db, { ...base, addresses: ["t@example.fi"] }),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("another organisation's campaign is not found for preview, approval and test send", async () => {
    const a = await setup();
    const b = await setup();
    const nf = { code: "NOT_FOUND" };
    await expect(
      loadCampaignPreview(h.db, { orgId: b.org.id, campaignId: a.campaign.id, render }),
    ).rejects.toMatchObject(nf);
    await expect(
      approvePreview(h.db, {
        orgId: b.org.id,
        campaignId: a.campaign.id,
        version: 3,
        actor: b.actor,
      }),
    ).rejects.toMatchObject(nf);
    await expect(
      sendCampaignTest(h.db, {
        orgId: b.org.id,
        campaignId: a.campaign.id,
        version: 3,
        addresses: ["x@example.fi"],
        actor: b.actor,
        render,
      }),
    ).rejects.toMatchObject(nf);
    // A contact of another organisation is never used as the preview person.
    const p = await loadCampaignPreview(h.db, {
      orgId: a.org.id,
      campaignId: a.campaign.id,
      contactId: b.maija.id,
      render,
    });
    expect(p.contact?.id).toBe(a.maija.id);
    expect(await checked(a.campaign.id)).toBeNull();
  });

  it("previews a block document through the real renderer with the footer's unsubscribe link", async () => {
    const { org, campaign, maija } = await setup();
    await h.db
      .update(campaigns)
      .set({
        document: {
          version: 1,
          blocks: [
            { id: "h1", type: "heading", text: "Hei {{ first_name }}!", level: 1, align: "left" },
            {
              id: "b1",
              type: "button",
              label: "Katso syksyn uutuudet",
              href: "https://kauppa.example.fi/syksy",
              align: "center",
            },
          ],
          style: { width: 600 },
        },
      })
      .where(eq(campaigns.id, campaign.id));
    const p = await loadCampaignPreview(h.db, {
      orgId: org.id,
      campaignId: campaign.id,
      contactId: maija.id,
      render: renderCampaign,
    });
    expect(p.message.html).toContain("Hei Maija!");
    expect(p.message.html).toContain("https://kauppa.example.fi/syksy");
    expect(p.message.text).toContain("Hei Maija!");
    expect(builtInFindings(p).map((f) => f.rule)).not.toContain("missingUnsubscribe");
  });
});
