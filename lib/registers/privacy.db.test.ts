import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import {
  addressSourceStatement,
  getPrivacyDraft,
  getPublicPrivacy,
  PrivacySchema,
  savePrivacy,
} from "./privacy";
import { createRegister } from "./registers";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const input = PrivacySchema.parse({
  controllerName: "Testi Oy",
  controllerBusinessId: "1234567-1",
  controllerAddress: "Katu 1, 00100 Helsinki",
  contactPerson: "Maija Meikäläinen",
  contactEmail: "tietosuoja@testi.fi",
  purpose: "Uutiskirjeet",
  legalBasis: "consent",
  retention: "Kunnes tilaus perutaan",
  sources: "Verkkolomake",
  recipients: "",
  addressSource: "verkkolomake",
});

async function setup(role: "main" | "editor" | "viewer" = "editor") {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role });
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  const reg = await createRegister(
    h.db,
    org.id,
    { userId: main.id, userEmail: main.email },
    { name: "Asiakkaat", columns: [{ label: "Kaupunki", type: "text" }] },
  );
  return { org, actor: { userId: u.id, userEmail: u.email }, reg };
}

const t = (key: string, v?: Record<string, string>) => `${key}:${Object.values(v ?? {}).join("|")}`;

describe("privacy notice (R9)", () => {
  it("prefills a draft from the organisation, then saves, publishes and withdraws", async () => {
    const { org, actor, reg } = await setup();
    const draft = await getPrivacyDraft(h.db, org.id, reg.id);
    expect(draft.saved).toBe(false);
    expect(draft.notice.controllerName).toBe(org.name);
    expect(await getPublicPrivacy(h.db, reg.publicKey)).toBeNull();

    await savePrivacy(h.db, org.id, actor, reg.id, input, false);
    expect(await getPublicPrivacy(h.db, reg.publicKey)).toBeNull();

    const published = await savePrivacy(h.db, org.id, actor, reg.id, input, true);
    expect(published.publishedAt).toBeInstanceOf(Date);
    const pub = await getPublicPrivacy(h.db, reg.publicKey);
    expect(pub?.notice.purpose).toBe("Uutiskirjeet");
    expect(pub?.columns.map((c) => c.label)).toEqual(["Kaupunki"]);

    const s = await addressSourceStatement(h.db, org.id, reg.id, {
      baseUrl: "https://x.test",
      t,
    });
    expect(s.text).toBe("statement.base:Asiakkaat|Testi Oy statement.source:verkkolomake");
    expect(s.noticeUrl).toBe(`https://x.test/p/r/${reg.publicKey}/privacy`);

    await savePrivacy(h.db, org.id, actor, reg.id, input, false);
    expect(await getPublicPrivacy(h.db, reg.publicKey)).toBeNull();
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "register.privacy_updated")));
    expect(audits).toHaveLength(3);
  });

  it("validates the required fields", () => {
    const r = PrivacySchema.safeParse({ ...input, controllerName: " ", contactEmail: "x" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["controllerName", "contactEmail"]));
  });

  it("lets viewers read but not save", async () => {
    const { org, actor, reg } = await setup("viewer");
    await expect(savePrivacy(h.db, org.id, actor, reg.id, input, true)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("keeps organisations apart", async () => {
    const a = await setup();
    const b = await setup();
    await expect(getPrivacyDraft(h.db, b.org.id, a.reg.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // B's editor cannot write A's register, neither through B's organisation nor A's.
    await expect(savePrivacy(h.db, b.org.id, b.actor, a.reg.id, input, true)).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    await expect(savePrivacy(h.db, a.org.id, b.actor, a.reg.id, input, true)).rejects.toBeTruthy();
    expect(await getPublicPrivacy(h.db, a.reg.publicKey)).toBeNull();
    expect(await getPublicPrivacy(h.db, "not a key'; drop table x")).toBeNull();
  });
});
