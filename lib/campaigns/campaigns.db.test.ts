import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, emailSenders, segments } from "@/db/schema";
import { createRegister } from "@/lib/registers/registers";
import { openTestDb } from "@/db/seed/test-db";
import { AppError } from "@/lib/errors";
import { createSegment } from "@/lib/segments/segments";
import { createCampaign, deleteCampaign, duplicateCampaign } from "./create-campaign";
import { listCampaigns } from "./queries";
import {
  cancelCampaign,
  pauseCampaign,
  resumeCampaign,
  scheduleCampaign,
  unscheduleCampaign,
} from "./schedule";
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

describe("campaigns", () => {
  it("creates a draft with an empty document, lists it, duplicates and deletes it", async () => {
    const s = await dispatchSetup(h.db, { contacts: 0 });
    const c = await s.campaign();
    expect(c).toMatchObject({ status: "draft", channel: "email", contentKind: "text" });
    expect(c.document).toEqual({ version: 1, blocks: [], style: { width: 600 } });
    const copy = await duplicateCampaign(h.db, {
      orgId: s.org.id,
      actor: s.actor,
      campaignId: c.id,
    });
    expect(copy).toMatchObject({
      name: "Syysjuhla (kopio)",
      status: "draft",
      checkedVersion: null,
    });
    const list = await listCampaigns(h.db, { orgId: s.org.id });
    expect(list.rows.map((r) => r.name)).toEqual(["Syysjuhla (kopio)", "Syysjuhla"]);
    expect(list.rows[0]!.registerName).toBe("Jäsenet");
    expect((await listCampaigns(h.db, { orgId: s.org.id, statuses: ["sent"] })).total).toBe(0);
    await deleteCampaign(h.db, { orgId: s.org.id, actor: s.actor, campaignId: copy.id });
    expect((await listCampaigns(h.db, { orgId: s.org.id })).total).toBe(1);
    const actions = await h.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.orgId, s.org.id));
    expect(actions.map((a) => a.action).sort()).toEqual([
      "campaign.created",
      "campaign.created",
      "campaign.deleted",
      "register.created",
    ]);
  });

  it("refuses unknown merge fields in subject and preheader, naming the field", async () => {
    const s = await dispatchSetup(h.db, { contacts: 0 });
    const base = {
      orgId: s.org.id,
      actor: s.actor,
      name: "X",
      registerId: s.register.id,
      audience: "register" as const,
      segmentId: null,
    };
    const err = await fails(createCampaign(h.db, { ...base, subject: "Hei {{ etunimi }}" }));
    expect(err.fieldErrors?.subject).toEqual(["personalize.errors.unknownField|field=etunimi"]);
    const c = await createCampaign(h.db, { ...base, subject: "Hei {{ kaupunki }}" });
    const e2 = await fails(
      updateCampaignSettings(h.db, {
        orgId: s.org.id,
        actor: s.actor,
        campaignId: c.id,
        input: settings({ preheader: "{{ postinumero }}" }),
      }),
    );
    expect(e2.fieldErrors?.preheader).toEqual([
      "personalize.errors.unknownField|field=postinumero",
    ]);
  });

  it("validates quiet hours and rate limit as form fields", () => {
    const one = UpdateSettingsSchema.safeParse(raw({ quietStartHour: "21" }));
    expect(one.success).toBe(false);
    expect(one.error!.issues[0]!.message).toBe("campaigns.errors.quietBoth");
    const bad = UpdateSettingsSchema.safeParse(raw({ ratePerHour: "-5" }));
    expect(bad.error!.issues[0]!.message).toBe("campaigns.errors.rateInvalid");
    const ok = settings({ ratePerHour: "1000", quietStartHour: "21", quietEndHour: "8" });
    expect(ok).toMatchObject({
      ratePerHour: 1000,
      quietStartHour: 21,
      quietEndHour: 8,
      inlineImages: false,
    });
  });

  it("refuses to schedule until this content version was checked and the sender is verified", async () => {
    const s = await dispatchSetup(h.db, { contacts: 1 });
    const c = await s.campaign();
    const o = { orgId: s.org.id, actor: s.actor, campaignId: c.id };
    // A subject change bumps the content version: the earlier check no longer counts.
    const changed = await updateCampaignSettings(h.db, {
      ...o,
      input: settings({ subject: "Uusi otsikko", senderId: s.sender.id }),
    });
    expect(changed.contentVersion).toBe(2);
    expect((await fails(scheduleCampaign(h.db, { ...o, at: null }))).userMessage).toBe(
      "campaigns.errors.notChecked",
    );
    expect(await markContentChecked(h.db, { ...o, version: 1 })).toBe(false);
    expect(await markContentChecked(h.db, { ...o, version: 2 })).toBe(true);
    await h.db
      .update(emailSenders)
      .set({ verifiedAt: null })
      .where(eq(emailSenders.id, s.sender.id));
    expect((await fails(scheduleCampaign(h.db, { ...o, at: null }))).userMessage).toBe(
      "campaigns.errors.noVerifiedSender",
    );
    await h.db
      .update(emailSenders)
      .set({ verifiedAt: new Date() })
      .where(eq(emailSenders.id, s.sender.id));
    const past = new Date(Date.now() - 3600_000);
    expect((await fails(scheduleCampaign(h.db, { ...o, at: past }))).userMessage).toBe(
      "campaigns.errors.inPast",
    );
    const at = new Date(Date.now() + 3600_000);
    const scheduled = await scheduleCampaign(h.db, { ...o, at });
    expect(scheduled).toMatchObject({ status: "scheduled", scheduledAt: at });
    // Once scheduled the message is fixed; rate and quiet hours may still change.
    expect(
      (
        await fails(
          updateCampaignSettings(h.db, {
            ...o,
            input: settings({ subject: "Muu", senderId: s.sender.id }),
          }),
        )
      ).userMessage,
    ).toBe("campaigns.errors.unscheduleToEdit");
    const later = await updateCampaignSettings(h.db, {
      ...o,
      input: { ...settings({ subject: "Uusi otsikko", senderId: s.sender.id }), ratePerHour: 500 },
    });
    expect(later.ratePerHour).toBe(500);
  });

  it("walks the status machine and refuses illegal moves with the current status named", async () => {
    const s = await dispatchSetup(h.db, { contacts: 1 });
    const c = await s.campaign();
    const o = { orgId: s.org.id, actor: s.actor, campaignId: c.id };
    expect((await fails(resumeCampaign(h.db, o))).userMessage).toBe(
      "campaigns.errors.illegal.resume|status=draft",
    );
    expect((await fails(pauseCampaign(h.db, o))).code).toBe("CONFLICT");
    await scheduleCampaign(h.db, { ...o, at: new Date(Date.now() + 3600_000) });
    expect((await fails(deleteCampaign(h.db, o))).userMessage).toBe(
      "campaigns.errors.illegal.delete|status=scheduled",
    );
    expect((await pauseCampaign(h.db, o)).status).toBe("paused");
    // Not started yet: resume goes back to scheduled for its time.
    expect((await resumeCampaign(h.db, o)).status).toBe("scheduled");
    expect((await unscheduleCampaign(h.db, o)).status).toBe("draft");
    await scheduleCampaign(h.db, { ...o, at: new Date(Date.now() + 3600_000) });
    expect((await cancelCampaign(h.db, o)).status).toBe("cancelled");
    expect((await fails(scheduleCampaign(h.db, { ...o, at: null }))).userMessage).toBe(
      "campaigns.errors.illegal.schedule|status=cancelled",
    );
    const audit = await h.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.org.id), eq(auditLog.targetId, c.id)));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "campaign.scheduled",
        "campaign.paused",
        "campaign.resumed",
        "campaign.unscheduled",
        "campaign.cancelled",
      ]),
    );
  });

  it("a draft whose segment was deleted is refused until its recipients are chosen again", async () => {
    const s = await dispatchSetup(h.db, { contacts: 2 });
    const seg = await createSegment(h.db, s.org.id, s.actor, {
      registerId: s.register.id,
      name: "Kaikki",
      filter: { type: "group", op: "and", children: [] },
    });
    const c = await s.campaign();
    const o = { orgId: s.org.id, actor: s.actor, campaignId: c.id };
    const base = { subject: c.subject, senderId: s.sender.id };
    const toSegment = await updateCampaignSettings(h.db, {
      ...o,
      input: settings({ ...base, target: `s:${s.register.id}:${seg.id}` }),
    });
    expect(toSegment).toMatchObject({ audience: "segment", segmentId: seg.id });
    await h.db.delete(segments).where(eq(segments.id, seg.id));
    await markContentChecked(h.db, { ...o, version: toSegment.contentVersion });
    expect((await fails(scheduleCampaign(h.db, { ...o, at: null }))).userMessage).toBe(
      "campaigns.errors.segmentGone",
    );
    const back = await updateCampaignSettings(h.db, {
      ...o,
      input: settings({ ...base, target: `r:${s.register.id}` }),
    });
    expect(back).toMatchObject({ audience: "register", segmentId: null });
    expect((await scheduleCampaign(h.db, { ...o, at: null })).status).toBe("scheduled");
    // Once scheduled, the recipients are fixed.
    const other = await createRegister(h.db, s.org.id, s.actor, { name: "Muut", columns: [] });
    expect(
      (
        await fails(
          updateCampaignSettings(h.db, {
            ...o,
            input: settings({ ...base, target: `r:${other.id}` }),
          }),
        )
      ).userMessage,
    ).toBe("campaigns.errors.unscheduleToEdit");
  });
});
