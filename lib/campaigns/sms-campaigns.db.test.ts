import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, contacts } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { addManualSuppression } from "@/lib/consent/suppressions";
import { AppError } from "@/lib/errors";
import { createRegister } from "@/lib/registers/registers";
import { createSegment } from "@/lib/segments/segments";
import { addSmsSender } from "@/lib/sms/senders";
import { audienceContacts, countAudience } from "./audience";
import { createCampaign, duplicateCampaign } from "./create-campaign";
import { materializeAudience } from "./deliveries";
import { previewSmsText, saveSmsText } from "./save-sms-text";
import { UpdateSettingsSchema } from "./schemas";
import { updateCampaignSettings } from "./update-settings";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function fails(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** An organisation with an editor, a register (column Kaupunki) and the sender "Kauppa". */
async function setup(db: Db) {
  const org = await createOrg(db);
  const user = await createUser(db, { orgId: org.id, role: "main" });
  const actor = { userId: user.id, userEmail: user.email, ip: null };
  const register = await createRegister(db, org.id, actor, {
    name: "Asiakkaat",
    columns: [{ label: "Kaupunki", type: "text" }],
  });
  await addSmsSender(db, org.id, actor, { sender: "Kauppa" });
  const create = (over: { smsSender?: string; textBody?: string } = {}) =>
    createCampaign(db, {
      orgId: org.id,
      actor,
      name: "Syysale",
      registerId: register.id,
      audience: "register",
      segmentId: null,
      channel: "sms",
      smsSender: "Kauppa",
      textBody: "Hei {{ first_name }}! Syysale alkaa huomenna.",
      ...over,
    });
  const count = async () =>
    (await db.select().from(campaigns).where(eq(campaigns.orgId, org.id))).length;
  return { org, actor, register, create, count };
}

describe("SMS campaigns", () => {
  it("creates an SMS draft with the sender and text; a copy keeps them", async () => {
    const s = await setup(h.db);
    const c = await s.create();
    expect(c).toMatchObject({
      channel: "sms",
      status: "draft",
      smsSender: "Kauppa",
      textBody: "Hei {{ first_name }}! Syysale alkaa huomenna.",
    });
    const copy = await duplicateCampaign(h.db, {
      orgId: s.org.id,
      actor: s.actor,
      campaignId: c.id,
    });
    expect(copy).toMatchObject({ channel: "sms", smsSender: "Kauppa", textBody: c.textBody });
  });

  it("refuses another organisation's or an unknown sender, an empty, unknown-field or over-long text; nothing is stored", async () => {
    const s = await setup(h.db);
    const other = await setup(h.db);
    await addSmsSender(h.db, other.org.id, other.actor, { sender: "Vieras" });
    // "Vieras" is allowed for the other organisation only.
    for (const smsSender of ["Vieras", "Tuntematon", ""]) {
      const err = await fails(s.create({ smsSender }));
      expect(err.fieldErrors?.smsSender).toEqual(["campaigns.errors.smsSenderNotFound"]);
    }
    expect((await fails(s.create({ textBody: "  \n " }))).fieldErrors).toEqual({
      textBody: ["campaigns.errors.smsTextRequired"],
    });
    expect((await fails(s.create({ textBody: "Hei {{ lempinimi }}" }))).fieldErrors).toEqual({
      textBody: ["personalize.errors.unknownField|field=lempinimi"],
    });
    // 6 parts of 153 = 918 septets at most (KANNEL_MAX_PARTS default 6): 919 needs 7.
    expect((await fails(s.create({ textBody: "a".repeat(919) }))).fieldErrors).toEqual({
      textBody: ["campaigns.errors.smsTooLong|parts=7|max=6"],
    });
    // Both problems at once are both reported.
    const both = await fails(s.create({ smsSender: "Vieras", textBody: "" }));
    expect(Object.keys(both.fieldErrors ?? {}).sort()).toEqual(["smsSender", "textBody"]);
    expect(await s.count()).toBe(0);
    // 918 septets still fit; merge tags do not count towards the limit, their values vary.
    await s.create({ textBody: `${"a".repeat(900)}{{ kaupunki | default: "" }}` });
    expect(await s.count()).toBe(1);
  });

  it("saves the text with optimistic concurrency; an invalid text changes nothing", async () => {
    const s = await setup(h.db);
    const c = await s.create();
    const base = { campaignId: c.id, baseVersion: c.contentVersion };
    const bad = await fails(saveSmsText(h.db, s.org.id, s.actor, { ...base, textBody: "{{ x }}" }));
    expect(bad.fieldErrors?.textBody?.[0]).toMatch(/unknownField\|field=x/);
    const saved = await saveSmsText(h.db, s.org.id, s.actor, { ...base, textBody: " Moi 😀 " });
    expect(saved.contentVersion).toBe(c.contentVersion + 1);
    expect(
      (await fails(saveSmsText(h.db, s.org.id, s.actor, { ...base, textBody: "x" }))).userMessage,
    ).toBe("editor.errors.stale");
    const [row] = await h.db.select().from(campaigns).where(eq(campaigns.id, c.id));
    expect(row!.textBody).toBe("Moi 😀");
    // Another organisation cannot save or preview it.
    const other = await setup(h.db);
    expect(
      (
        await fails(
          saveSmsText(h.db, other.org.id, other.actor, { ...base, baseVersion: 2, textBody: "x" }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (await fails(previewSmsText(h.db, { orgId: other.org.id, campaignId: c.id, text: "x" })))
        .code,
    ).toBe("NOT_FOUND");
  });

  it("edits the sender in the settings only to an allowed one", async () => {
    const s = await setup(h.db);
    await addSmsSender(h.db, s.org.id, s.actor, { sender: "Toinen" });
    const c = await s.create();
    const input = (smsSender: string) =>
      UpdateSettingsSchema.parse({ campaignId: c.id, name: "Uusi nimi", smsSender });
    const opts = { orgId: s.org.id, actor: s.actor, campaignId: c.id };
    const err = await fails(updateCampaignSettings(h.db, { ...opts, input: input("Muu") }));
    expect(err.fieldErrors?.smsSender).toEqual(["campaigns.errors.smsSenderNotFound"]);
    const row = await updateCampaignSettings(h.db, { ...opts, input: input("Toinen") });
    expect(row).toMatchObject({ name: "Uusi nimi", smsSender: "Toinen", textBody: c.textBody });
  });
});

describe("SMS audience count", () => {
  it("counts subscribed contacts with a phone minus suppressions; the same rows are sent to", async () => {
    const s = await setup(h.db);
    const row = (firstName: string, phone: string | null, sub = true, kaupunki = "Oulu") => ({
      orgId: s.org.id,
      registerId: s.register.id,
      firstName,
      phone,
      smsStatus: sub ? ("subscribed" as const) : ("unsubscribed" as const),
      data: { kaupunki },
    });
    await h.db.insert(contacts).values([
      row("Aino", "+358401000001"),
      row("Eino", "+358401000002", true, "Turku"),
      row("Ilman numeroa", null),
      row("Kieltäytynyt", "+358401000003", false),
      row("Estetty", "+358401000004"),
      // Stored before validation existed or written around it: never queued.
      row("Rikkinäinen numero", "040 abc"),
    ]);
    await addManualSuppression(h.db, s.org.id, s.actor, {
      channel: "sms",
      address: "+358401000004",
    });
    // Another organisation's contacts never count.
    const other = await setup(h.db);
    await h.db.insert(contacts).values({
      orgId: other.org.id,
      registerId: other.register.id,
      firstName: "Vieras",
      phone: "+358401000009",
      smsStatus: "subscribed",
    });
    const target = {
      channel: "sms" as const,
      registerId: s.register.id,
      audience: "register" as const,
      segmentId: null,
    };
    expect(await countAudience(h.db, s.org.id, target)).toBe(2);
    const people = await audienceContacts(h.db, s.org.id, target);
    expect(people.map((c) => c.firstName).sort()).toEqual(["Aino", "Eino"]);
    // E-mail consent is another audience: none of these have an address.
    expect(await countAudience(h.db, s.org.id, { ...target, channel: "email" })).toBe(0);
    // A segment narrows it.
    const seg = await createSegment(h.db, s.org.id, s.actor, {
      registerId: s.register.id,
      name: "Oulu",
      filter: {
        type: "group",
        op: "and",
        children: [{ type: "cond", field: "kaupunki", operator: "equals", value: "Oulu" }],
      },
    });
    expect(
      await countAudience(h.db, s.org.id, { ...target, audience: "segment", segmentId: seg.id }),
    ).toBe(1);
    // The register of another organisation is not found, whoever's id is used.
    expect((await fails(countAudience(h.db, other.org.id, target))).code).toBe("NOT_FOUND");
    // What is sent equals what was counted.
    const c = await s.create();
    expect(await materializeAudience(h.db, s.org.id, c.id)).toBe(2);
    // The preview renders as a chosen contact of the audience; one outside it is not used.
    const text = "Hei {{ first_name }} {{ kaupunki }}";
    const eino = people.find((p) => p.firstName === "Eino")!;
    const preview = (contactId: string) =>
      previewSmsText(h.db, { orgId: s.org.id, campaignId: c.id, text, contactId });
    expect((await preview(eino.id)).text).toBe("Hei Eino Turku");
    const [refused] = await h.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, s.org.id), eq(contacts.firstName, "Kieltäytynyt")));
    expect((await preview(refused!.id)).contactId).toBe(people[0]!.id);
  });
});
