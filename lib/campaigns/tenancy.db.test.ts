import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { campaigns } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { AppError } from "@/lib/errors";
import { createSegment } from "@/lib/segments/segments";
import { createCampaign, deleteCampaign, duplicateCampaign } from "./create-campaign";
import { getCampaignOrThrow, listCampaigns } from "./queries";
import { cancelCampaign, pauseCampaign, resumeCampaign, scheduleCampaign } from "./schedule";
import { UpdateSettingsSchema } from "./schemas";
import { markContentChecked, updateCampaignSettings } from "./update-settings";
import { dispatchSetup } from "./test/fixtures";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

/** Awaits a promise that must fail with an AppError; returns it. */
async function fails(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** The settings form as posted. */
const raw = (over: Record<string, string> = {}) => ({
  campaignId: "00000000-0000-4000-8000-000000000000",
  name: "Syysjuhla",
  subject: "Tervetuloa {{ first_name }}",
  trackOpens: "on",
  trackClicks: "on",
  ...over,
});
const settings = (over: Record<string, string> = {}) => UpdateSettingsSchema.parse(raw(over));

// Viewers read but cannot write; another organisation gets "not found" for every read and write.
describe("campaign roles and tenancy", () => {
  it("viewers read but cannot write", async () => {
    const s = await dispatchSetup(h.db, { contacts: 0 });
    const c = await s.campaign();
    const v = await createUser(h.db, { orgId: s.org.id, role: "viewer" });
    const viewer = { userId: v.id, userEmail: v.email, ip: null };
    expect((await getCampaignOrThrow(h.db, { orgId: s.org.id, campaignId: c.id })).id).toBe(c.id);
    const o = { orgId: s.org.id, actor: viewer, campaignId: c.id };
    expect((await fails(scheduleCampaign(h.db, { ...o, at: null }))).code).toBe("FORBIDDEN");
    expect((await fails(deleteCampaign(h.db, o))).code).toBe("FORBIDDEN");
    expect((await fails(duplicateCampaign(h.db, o))).code).toBe("FORBIDDEN");
  });

  it("another organisation can neither read nor change a campaign", async () => {
    const s = await dispatchSetup(h.db, { contacts: 1 });
    const c = await s.campaign();
    const other = await createOrg(h.db);
    const u = await createUser(h.db, { orgId: other.id, role: "main" });
    const o = {
      orgId: other.id,
      actor: { userId: u.id, userEmail: u.email, ip: null },
      campaignId: c.id,
    };
    const codes = await Promise.all([
      fails(getCampaignOrThrow(h.db, o)),
      fails(updateCampaignSettings(h.db, { ...o, input: settings() })),
      fails(scheduleCampaign(h.db, { ...o, at: null })),
      fails(pauseCampaign(h.db, o)),
      fails(resumeCampaign(h.db, o)),
      fails(cancelCampaign(h.db, o)),
      fails(deleteCampaign(h.db, o)),
      fails(duplicateCampaign(h.db, o)),
      fails(markContentChecked(h.db, { ...o, version: 1 })),
    ]);
    expect(codes.map((e) => e.code)).toEqual(Array(9).fill("NOT_FOUND"));
    expect((await listCampaigns(h.db, { orgId: other.id })).total).toBe(0);
    // Its own user in the campaign's organisation id still gets nothing: membership is checked.
    const intruder = { ...o, orgId: s.org.id };
    expect((await fails(pauseCampaign(h.db, intruder))).code).toBe("NOT_FOUND");
    // Nor can a campaign be pointed at another organisation's register or segment.
    const seg = await createSegment(h.db, s.org.id, s.actor, {
      registerId: s.register.id,
      name: "Kaikki",
      filter: { type: "group", op: "and", children: [] },
    });
    const attempt = (audience: "register" | "segment") =>
      fails(
        createCampaign(h.db, {
          orgId: other.id,
          actor: o.actor,
          name: "Vieras",
          registerId: s.register.id,
          audience,
          segmentId: audience === "segment" ? seg.id : null,
        }),
      );
    expect((await attempt("register")).code).toBe("NOT_FOUND");
    expect((await attempt("segment")).code).toBe("NOT_FOUND");
    const [row] = await h.db.select().from(campaigns).where(eq(campaigns.id, c.id));
    expect(row!.status).toBe("draft");
  });
});
