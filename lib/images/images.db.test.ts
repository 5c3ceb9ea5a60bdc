import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { storedFiles } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { GET } from "@/app/(public)/i/[key]/route";
import { makeGif, makePng } from "./fixtures/make";
import { deleteImage, getImage, listImages, readUpTo, saveImage } from "./images";
import { MAX_IMAGE_BYTES } from "./sniff";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function setup(role: "main" | "editor" | "viewer" = "editor") {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role });
  return { org, actor: { userId: u.id, userEmail: u.email, ip: null } };
}

const get = (key: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://x/i/${key}`, { headers }), { params: Promise.resolve({ key }) });

describe("image bank", () => {
  it("stores an image by its content and serves it publicly with cache headers", async () => {
    const { org, actor } = await setup();
    const png = makePng(120, 80);
    // The name says .gif; the bytes decide.
    const img = await saveImage(h.db, org.id, actor, { name: "logo.gif", bytes: png });
    expect(img).toMatchObject({
      contentType: "image/png",
      width: 120,
      height: 80,
      name: "logo.gif",
    });
    expect(img.publicKey.length).toBeGreaterThanOrEqual(22);
    const gif = await saveImage(h.db, org.id, actor, { name: "a.png", bytes: makeGif(3, 2) });
    expect(gif).toMatchObject({ contentType: "image/gif", width: 3, height: 2 });
    expect((await listImages(h.db, org.id)).map((i) => i.id).sort()).toEqual(
      [img.id, gif.id].sort(),
    );

    const res = await get(img.publicKey);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = res.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect((await get(img.publicKey, { "if-none-match": etag })).status).toBe(304);
    expect((await get("x".repeat(22))).status).toBe(404);
    expect((await get("../../etc")).status).toBe(404);
  });

  it("refuses what is not an image, too large files and too large dimensions", async () => {
    const { org, actor } = await setup();
    const save = (bytes: Uint8Array) => saveImage(h.db, org.id, actor, { name: "x.png", bytes });
    await expect(save(Buffer.from("<html><script>alert(1)</script></html>"))).rejects.toMatchObject(
      { userMessage: "images.errors.notImage" },
    );
    await expect(save(makePng(4001, 10))).rejects.toMatchObject({
      userMessage: "images.errors.tooBig|max=4000|width=4001|height=10",
    });
    const huge = Buffer.concat([makePng(10, 10), Buffer.alloc(MAX_IMAGE_BYTES)]);
    await expect(save(huge)).rejects.toMatchObject({ userMessage: "images.errors.tooLarge|mb=5" });
    await expect(readUpTo([huge])).rejects.toMatchObject({
      userMessage: "images.errors.tooLarge|mb=5",
    });
    expect(await listImages(h.db, org.id)).toEqual([]);
  });

  it("deletes within the organisation only; viewers cannot upload or delete", async () => {
    const { org, actor } = await setup();
    const img = await saveImage(h.db, org.id, actor, { name: "a", bytes: makePng(4, 4) });
    const other = await setup("main");
    await expect(deleteImage(h.db, other.org.id, other.actor, img.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getImage(h.db, other.org.id, img.id)).toBeNull();
    const viewer = await createUser(h.db, { orgId: org.id, role: "viewer" });
    const va = { userId: viewer.id, userEmail: viewer.email };
    await expect(deleteImage(h.db, org.id, va, img.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      saveImage(h.db, org.id, va, { name: "b", bytes: makePng(4, 4) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await deleteImage(h.db, org.id, actor, img.id);
    expect(await getImage(h.db, org.id, img.id)).toBeNull();
    expect(await h.db.select().from(storedFiles).where(eq(storedFiles.id, img.fileId))).toEqual([]);
    expect((await get(img.publicKey)).status).toBe(404);
  });
});
