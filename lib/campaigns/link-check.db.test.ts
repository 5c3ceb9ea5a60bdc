import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { images, storedFiles } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg } from "@/db/seed/factories";
import { env } from "@/lib/env";
import { checkMessageUrls, extractUrls } from "./link-check";

let h: Awaited<ReturnType<typeof openTestDb>>;
let server: Server;
let base: string;
beforeAll(async () => {
  h = await openTestDb();
  server = createServer((req, res) => {
    if (req.url === "/ok") return res.writeHead(200).end("ok");
    if (req.url === "/get-only") return res.writeHead(req.method === "HEAD" ? 405 : 200).end();
    if (req.url === "/loop") return res.writeHead(302, { location: "/loop" }).end();
    if (req.url === "/hang") return;
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await h?.dispose();
});

async function bankImage(orgId: string, publicKey: string) {
  const [f] = await h.db
    .insert(storedFiles)
    .values({ orgId, purpose: "image", name: "logo.png", contentType: "image/png" })
    .returning();
  await h.db.insert(images).values({
    orgId,
    fileId: f!.id,
    publicKey,
    name: "logo.png",
    contentType: "image/png",
    width: 10,
    height: 10,
    sizeBytes: 100,
  });
}

describe("link and image check", () => {
  it("extracts links, images and CSS backgrounds once each", () => {
    expect(
      extractUrls(
        `<a href="https://a.fi/x?a=1&amp;b=2">A</a><img src='https://a.fi/i.png'><a href="https://a.fi/x?a=1&amp;b=2">again</a><td background="https://a.fi/bg.png"></td>`,
      ),
    ).toEqual([
      { url: "https://a.fi/x?a=1&b=2", kind: "link" },
      { url: "https://a.fi/i.png", kind: "image" },
      { url: "https://a.fi/bg.png", kind: "image" },
    ]);
  });

  it("reports 200, 404, HEAD refused then GET, redirect loop and timeout per URL", async () => {
    const org = await createOrg(h.db);
    const html = ["/ok", "/missing", "/get-only", "/loop", "/hang"]
      .map((p) => `<a href="${base}${p}">x</a>`)
      .join("");
    const results = await checkMessageUrls(h.db, org.id, html, {
      allowHosts: ["127.0.0.1"],
      timeoutMs: 1000,
    });
    const by = Object.fromEntries(results.map((r) => [new URL(r.url).pathname, r]));
    expect(by["/ok"]).toMatchObject({ ok: true, status: 200, via: "http" });
    expect(by["/missing"]).toMatchObject({ ok: false, status: 404, error: "http_status" });
    expect(by["/get-only"]).toMatchObject({ ok: true, status: 200 });
    expect(by["/loop"]).toMatchObject({ ok: false, error: "too_many_redirects" });
    expect(by["/hang"]).toMatchObject({ ok: false, error: "timeout" });
  });

  it("without the test allowlist a loopback link is refused, not fetched", async () => {
    const org = await createOrg(h.db);
    const [r] = await checkMessageUrls(h.db, org.id, `<a href="${base}/ok">x</a>`);
    expect(r).toMatchObject({ ok: false, error: "blocked_address" });
  });

  it("own image URLs are looked up in the organisation's image bank, not fetched", async () => {
    const org = await createOrg(h.db);
    const other = await createOrg(h.db);
    const key = `k${Math.random().toString(36).slice(2, 12)}`;
    const theirs = `t${Math.random().toString(36).slice(2, 12)}`;
    await bankImage(org.id, key);
    await bankImage(other.id, theirs);
    const app = env().APP_URL.replace(/\/$/, "");
    const html = `<img src="${app}/i/${key}"><img src="${app}/i/${theirs}"><a href="cid:logo">x</a><a href="mailto:a@b.fi">m</a>`;
    const results = await checkMessageUrls(h.db, org.id, html);
    expect(results).toEqual([
      expect.objectContaining({ via: "imageBank", ok: true }),
      // Another organisation's image is not this message's image.
      expect.objectContaining({ via: "imageBank", ok: false, error: "image_missing" }),
      expect.objectContaining({ via: "inline", ok: true }),
      expect.objectContaining({ via: "notWeb", ok: true }),
    ]);
  });
});
