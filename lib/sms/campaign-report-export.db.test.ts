import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { renderCampaign } from "@/lib/campaigns/renderer";
import { sendCampaign } from "@/lib/campaigns/send";
import fi from "@/messages/fi/reports.json";
import { createSmsCampaignSetup, sandboxSmsGateway } from "./testing/sms-campaign";

// The report export route (a public endpoint) for an SMS campaign: the session and role are
// checked by the route itself, another organisation's member gets 404, every download is
// audited. The session and the translations are the only things stubbed.
const session: { user: { id: string; email: string } | null } = { user: null };
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (session.user ? { user: session.user } : null),
}));
const lookup = (key: string) =>
  key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], fi) as string;
vi.mock("next-intl/server", () => ({ getTranslations: async () => lookup }));
const { GET } = await import("@/app/(portal)/[org]/campaigns/[id]/report/export/route");

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function sent() {
  const s = await createSmsCampaignSetup(h.db, { contacts: 3, name: "Kevätale" });
  const r = await sendCampaign(
    h.db,
    { orgId: s.org.id, campaignId: s.campaign.id },
    { gateway: sandboxSmsGateway(h.db), render: renderCampaign },
  );
  expect(r.state).toBe("finished");
  return s;
}

const download = (
  as: { id: string; email: string } | null,
  org: string,
  id: string,
  format = "csv",
) => {
  session.user = as;
  return GET(new Request(`http://x/${org}/campaigns/${id}/report/export?format=${format}`), {
    params: Promise.resolve({ org, id }),
  });
};

const exports = (orgId: string) =>
  h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "campaign.report_exported")));

describe("SMS report export route", () => {
  it("gives an editor every recipient with SMS columns and audits the download", async () => {
    const s = await sent();
    const res = await download(s.user, s.org.slug, s.campaign.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/filename="kevatale-.*\.csv"/);
    const lines = (await res.text())
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Puhelinnumero;Nimi;Tila;Osia;Lähetetty;Toimitettu;Virhe");
    expect(lines).toHaveLength(4);
    for (const p of s.people)
      expect(lines.find((l) => l.startsWith(`${p.phone};`))).toMatch(
        new RegExp(
          `^\\${p.phone};${p.firstName} ${p.lastName};"Lähetetty, odottaa toimitusraporttia";1;`,
        ),
      );
    const xlsx = await download(s.user, s.org.slug, s.campaign.id, "xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    await xlsx.arrayBuffer();
    const audit = await exports(s.org.id);
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => a.details)).toContainEqual(
      expect.objectContaining({ targetName: "Kevätale", format: "csv", channel: "sms" }),
    );
  });

  it("another organisation's member, a viewer and a signed-out visitor get nothing", async () => {
    const s = await sent();
    const other = await createOrg(h.db);
    const stranger = await createUser(h.db, { orgId: other.id, role: "main" });
    const viewer = await createUser(h.db, { orgId: s.org.id, role: "viewer" });
    // Through the other organisation's own URL and through the owner's.
    expect((await download(stranger, other.slug, s.campaign.id)).status).toBe(404);
    expect((await download(stranger, s.org.slug, s.campaign.id)).status).toBe(404);
    expect((await download(stranger, other.slug, s.campaign.id, "xlsx")).status).toBe(404);
    expect((await download(viewer, s.org.slug, s.campaign.id)).status).toBe(404);
    expect((await download(null, s.org.slug, s.campaign.id)).status).toBe(401);
    expect(await exports(s.org.id)).toEqual([]);
    expect(await exports(other.id)).toEqual([]);
  });
});
