import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { createOrg, createUser } from "@/db/seed/factories";
import { openTestDb } from "@/db/seed/test-db";
import { isAppError } from "@/lib/errors";
import { getBrand, updateBrand } from "./brand";
import { DEFAULT_BRAND } from "./defaults";
import { renderBrandPreview } from "./preview";
import { BrandSchema } from "./schemas";
import { createBankImage } from "./test-images";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

/** The form as submitted (strings). */
const RAW = {
  logoImageId: "",
  primaryColor: "#0F766E",
  textColor: "#1f2937",
  backgroundColor: "#ffffff",
  contentBackgroundColor: "#fefce8",
  fontStack: "Georgia, Times, 'Times New Roman', serif",
};
const form = (over: Record<string, string> = {}) => BrandSchema.parse({ ...RAW, ...over });

async function setup(role: "main" | "editor" | "viewer" = "editor") {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role });
  return { org, actor: { userId: u.id, userEmail: u.email } };
}

const code = async (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isAppError(e) ? e.code : String(e)),
  );

describe("brand (E2)", () => {
  it("gives the defaults before anything is saved, then the saved brand; audited", async () => {
    const { org, actor } = await setup();
    expect(await getBrand(h.db, org.id)).toEqual({ ...DEFAULT_BRAND, saved: false });
    const { img } = await createBankImage(h.db, org.id);
    await updateBrand(h.db, org.id, actor, form({ logoImageId: img.id }));
    const brand = await getBrand(h.db, org.id);
    expect(brand).toMatchObject({ saved: true, logoImageId: img.id, primaryColor: "#0f766e" });
    await updateBrand(h.db, org.id, actor, form({ primaryColor: "#123456" }));
    expect((await getBrand(h.db, org.id)).primaryColor).toBe("#123456");
    const audits = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "brand.updated")));
    expect(audits).toHaveLength(2);
  });

  it("refuses bad colours and fonts with the field named", () => {
    const r = BrandSchema.safeParse({ ...RAW, primaryColor: "blue", fontStack: "Comic Sans" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => [i.path[0], i.message]);
    expect(paths).toEqual([
      ["primaryColor", "brand.errors.color"],
      ["fontStack", "brand.errors.font"],
    ]);
  });

  it("viewers cannot save", async () => {
    const { org, actor } = await setup("viewer");
    expect(await code(updateBrand(h.db, org.id, actor, form()))).toBe("FORBIDDEN");
    expect((await getBrand(h.db, org.id)).saved).toBe(false);
  });

  it("cross-organisation: another organisation's member and another organisation's logo are refused", async () => {
    const a = await setup("main");
    const b = await setup("main");
    expect(await code(updateBrand(h.db, a.org.id, b.actor, form()))).toBe("NOT_FOUND");
    const { img: foreign } = await createBankImage(h.db, b.org.id);
    const err = await updateBrand(h.db, a.org.id, a.actor, form({ logoImageId: foreign.id })).catch(
      (e: unknown) => e,
    );
    expect(isAppError(err) && err.fieldErrors).toEqual({ logoImageId: ["brand.errors.logo"] });
    expect((await getBrand(h.db, a.org.id)).saved).toBe(false);
    // A preview with the foreign id shows no logo: images resolve within the organisation only.
    const html = await renderBrandPreview(
      h.db,
      a.org.id,
      { ...DEFAULT_BRAND, logoImageId: foreign.id },
      {
        locale: "fi",
        organisationName: "A",
        organisationAddress: "",
      },
    );
    expect(html).not.toContain(`/i/${foreign.publicKey}`);
  });

  it("the preview renders the sample with the brand, its logo and filled merge tags", async () => {
    const { org } = await setup();
    const { img } = await createBankImage(h.db, org.id);
    const html = await renderBrandPreview(
      h.db,
      org.id,
      { ...form({ logoImageId: img.id }), logoImageId: img.id },
      { locale: "en", organisationName: "Testi Oy", organisationAddress: "Katu 1" },
    );
    expect(html).toContain(`src="/i/${img.publicKey}"`);
    expect(html).toMatch(/background-color:#0f766e/);
    expect(html).toContain("Hello customer!");
    expect(html).toContain("Testi Oy · Katu 1");
    expect(html).not.toMatch(/%%VK_/);
  });
});
