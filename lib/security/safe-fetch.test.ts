import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPrivateAddress, safeFetch } from "./safe-fetch";

describe("isPrivateAddress", () => {
  it("refuses loopback, private, link-local and mapped forms; accepts public addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "100.64.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "not-an-ip",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["1.1.1.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe("safeFetch SSRF guard", () => {
  it("refuses private addresses given literally or by a name that resolves to loopback", async () => {
    for (const url of [
      "http://127.0.0.1:1/",
      "http://10.0.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]:1/",
      "http://localhost:1/",
    ]) {
      const r = await safeFetch(url, { timeoutMs: 2000 });
      expect(r, url).toMatchObject({ ok: false, error: "blocked_address" });
    }
  });

  it("refuses other protocols and broken URLs", async () => {
    expect(await safeFetch("file:///etc/passwd")).toMatchObject({
      ok: false,
      error: "invalid_url",
    });
    expect(await safeFetch("not a url")).toMatchObject({ ok: false, error: "invalid_url" });
  });
});

describe("safeFetch against a local server (guard opened for 127.0.0.1 only)", () => {
  let server: Server;
  let base: string;
  const allowHosts = ["127.0.0.1"];
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/ok") return res.writeHead(200, { "content-type": "text/html" }).end("hi");
      if (req.url === "/loop") return res.writeHead(302, { location: "/loop" }).end();
      if (req.url === "/hop") return res.writeHead(301, { location: "/ok" }).end();
      if (req.url === "/inside")
        return res.writeHead(302, { location: "http://10.0.0.1/admin" }).end();
      if (req.url === "/hang") return; // never answers
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("reports 200, 404 and followed redirects", async () => {
    expect(await safeFetch(`${base}/ok`, { allowHosts })).toMatchObject({
      ok: true,
      status: 200,
      redirects: 0,
    });
    expect(await safeFetch(`${base}/missing`, { allowHosts })).toMatchObject({
      ok: true,
      status: 404,
    });
    expect(await safeFetch(`${base}/hop`, { allowHosts, method: "HEAD" })).toMatchObject({
      ok: true,
      status: 200,
      redirects: 1,
      finalUrl: `${base}/ok`,
    });
  });

  it("stops a redirect loop after 5 hops and a redirect into the private network", async () => {
    expect(await safeFetch(`${base}/loop`, { allowHosts })).toMatchObject({
      ok: false,
      error: "too_many_redirects",
      redirects: 5,
    });
    expect(await safeFetch(`${base}/inside`, { allowHosts })).toMatchObject({
      ok: false,
      error: "blocked_address",
    });
  });

  it("gives up on a server that never answers", async () => {
    expect(await safeFetch(`${base}/hang`, { allowHosts, timeoutMs: 300 })).toMatchObject({
      ok: false,
      error: "timeout",
    });
  });

  it("without the allowlist the same server is refused", async () => {
    expect(await safeFetch(`${base}/ok`)).toMatchObject({ ok: false, error: "blocked_address" });
  });
});
