import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { createOrg, createUser } from "@/db/seed/factories";
import { openTestDb } from "@/db/seed/test-db";
import { createBankImage } from "@/lib/brand/test-images";
import { isAppError } from "@/lib/errors";
import { PrivacySchema, savePrivacy } from "@/lib/registers/privacy";
import { createRegister } from "@/lib/registers/registers";
import {
  footerContext,
  loadImageResolver,
  loadInlineImageBytes,
  referencedImageIds,
  renderMessage,
} from "./index";
import { renderInput } from "./test-helpers";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function setup() {
  const org = await createOrg(h.db, "Kyläyhdistys ry");
  await h.db
    .update(organizations)
    .set({ billingAddress: "Kylätie 1, 40100 Jyväskylä" })
    .where(eq(organizations.id, org.id));
  const u = await createUser(h.db, { orgId: org.id, role: "main" });
  const actor = { userId: u.id, userEmail: u.email };
  const reg = await createRegister(h.db, org.id, actor, { name: "Jäsenet", columns: [] });
  return { org, actor, reg };
}

const notice = PrivacySchema.parse({
  controllerName: "Kyläyhdistys ry",
  controllerBusinessId: "",
  controllerAddress: "",
  contactPerson: "",
  contactEmail: "hallitus@kyla.fi",
  purpose: "Jäsenviestintä",
  legalBasis: "consent",
  retention: "Jäsenyyden ajan",
  sources: "",
  recipients: "",
  addressSource: "jäsenhakemus",
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isAppError(e) ? e.code : String(e)),
  );

describe("footerContext (R9, E10)", () => {
  it("names the organisation and the register; the notice URL only once published", async () => {
    const { org, actor, reg } = await setup();
    await savePrivacy(h.db, org.id, actor, reg.id, notice, false);
    const draft = await footerContext(h.db, org.id, reg.id, "fi", "https://app.example.fi/");
    expect(draft).toEqual({
      addressSourceStatement:
        "Saat tämän viestin, koska olet rekisterissä Jäsenet (Kyläyhdistys ry). Osoitteen lähde: jäsenhakemus.",
      privacyUrl: null,
      organisationName: "Kyläyhdistys ry",
      organisationAddress: "Kylätie 1, 40100 Jyväskylä",
    });
    await savePrivacy(h.db, org.id, actor, reg.id, notice, true);
    const published = await footerContext(h.db, org.id, reg.id, "en", "https://app.example.fi");
    expect(published.privacyUrl).toBe(`https://app.example.fi/p/r/${reg.publicKey}/privacy`);
    expect(published.addressSourceStatement).toMatch(/^You /);

    // What the dispatcher does with it: every line reaches the rendered message.
    const r = await renderMessage(renderInput([], { footer: published, locale: "en" }));
    expect(r.html).toContain("Jäsenet");
    expect(r.links.at(-1)).toMatchObject({ url: published.privacyUrl, label: "Privacy notice" });
  });

  it("cross-organisation: another organisation's register is not found", async () => {
    const a = await setup();
    const b = await setup();
    expect(await code(footerContext(h.db, a.org.id, b.reg.id, "fi"))).toBe("NOT_FOUND");
  });
});

describe("loadInlineImageBytes", () => {
  it("reads the bytes of the message's inline images, only from the organisation's bank", async () => {
    const a = await setup();
    const b = await setup();
    const { img, png } = await createBankImage(h.db, a.org.id);
    const inline = [
      { cid: "img1@viestikone", imageId: img.id, contentType: "image/png", sizeBytes: png.length },
    ];
    const files = await loadInlineImageBytes(h.db, a.org.id, inline);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      filename: "image-1.png",
      contentType: "image/png",
      cid: "img1@viestikone",
    });
    expect(files[0]!.content.equals(png)).toBe(true);
    expect(await code(loadInlineImageBytes(h.db, b.org.id, inline))).toBe("NOT_FOUND");
  });
});

describe("loadImageResolver", () => {
  it("resolves the document's bank images to public URLs, only within the organisation", async () => {
    const a = await setup();
    const b = await setup();
    const { img } = await createBankImage(h.db, a.org.id);
    const { img: foreign } = await createBankImage(h.db, b.org.id);
    const doc = {
      version: 1,
      blocks: [
        { id: "i", type: "image", imageId: img.id, src: "" },
        {
          id: "c",
          type: "columns",
          columns: [[{ id: "j", type: "image", imageId: foreign.id, src: "" }]],
        },
      ],
    };
    const ids = referencedImageIds(doc, null);
    expect(ids).toEqual([img.id, foreign.id]);
    const resolve = await loadImageResolver(h.db, a.org.id, ids, "https://app.example.fi/");
    expect(resolve(img.id)).toEqual({
      url: `https://app.example.fi/i/${img.publicKey}`,
      contentType: "image/png",
      sizeBytes: img.sizeBytes,
    });
    expect(resolve(foreign.id)).toBeNull();
    const r = await renderMessage(renderInput([], { document: doc, imageResolver: resolve }));
    expect(r.html).toContain(`/i/${img.publicKey}`);
    expect(r.html).not.toContain(foreign.publicKey);
    expect(r.findings.map((f) => f.code)).toEqual(["render.imageMissing"]);
  });
});
