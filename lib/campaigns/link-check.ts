import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { images } from "@/db/schema";
import { env } from "@/lib/env";
import { safeFetch, type SafeFetchError } from "@/lib/security/safe-fetch";

/**
 * The link and image check of the pre-flight (E5): every link and image URL of the message as a
 * recipient gets it is requested (HEAD, then GET when HEAD is refused), through `safeFetch`
 * (SSRF guard, 5 s, ≤ 5 redirects), four at a time. Our own image URLs (`<APP_URL>/i/<key>`) are
 * looked up in the image bank instead, since APP_URL may be loopback (dev, tests) where the guard
 * would refuse it; other links to our own app (the unsubscribe page) are not fetched.
 */
export type UrlKind = "link" | "image";
export type UrlCheck = {
  url: string;
  kind: UrlKind;
  /** How it was checked. */
  via: "http" | "imageBank" | "ownApp" | "inline" | "notWeb";
  ok: boolean;
  status: number | null;
  error: SafeFetchError | "image_missing" | "http_status" | null;
  finalUrl?: string;
};

export type LinkCheckOptions = {
  concurrency?: number;
  timeoutMs?: number;
  /** Test-only: hosts let through the private-address guard (see `safeFetch`). */
  allowHosts?: readonly string[];
};

const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Every `<a href>` and `<img src>` (plus CSS `background` images) of an HTML body, deduplicated. */
export function extractUrls(html: string): { url: string; kind: UrlKind }[] {
  const seen = new Map<string, UrlKind>();
  for (const m of html.matchAll(/<(a|img)\b[^>]*?\s(href|src)\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const url = decode((m[4] ?? m[5] ?? "").trim());
    const kind: UrlKind = m[1]!.toLowerCase() === "img" ? "image" : "link";
    if (url && !seen.has(url)) seen.set(url, kind);
  }
  for (const m of html.matchAll(
    /\sbackground\s*=\s*"([^"]+)"|url\(\s*['"]?([^'")]+)['"]?\s*\)/gi,
  )) {
    const url = decode((m[1] ?? m[2] ?? "").trim());
    if (/^https?:/i.test(url) && !seen.has(url)) seen.set(url, "image");
  }
  return [...seen].map(([url, kind]) => ({ url, kind }));
}

/** Runs `fn` over `items` with at most `limit` at a time, results in order. */
async function pool<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function fetchCheck(url: string, kind: UrlKind, opts: LinkCheckOptions): Promise<UrlCheck> {
  const common = {
    timeoutMs: opts.timeoutMs ?? 5000,
    allowHosts: opts.allowHosts,
    maxRedirects: 5,
  };
  let r = await safeFetch(url, { ...common, method: "HEAD" });
  // Many servers refuse or mishandle HEAD (405, 403, 404 on HEAD only): ask again with GET.
  const retry = r.ok ? r.status >= 400 : r.error === "connection";
  if (retry) r = await safeFetch(url, { ...common, method: "GET" });
  if (!r.ok)
    return {
      url,
      kind,
      via: "http",
      ok: false,
      status: null,
      error: r.error,
      finalUrl: r.finalUrl,
    };
  const good = r.status >= 200 && r.status < 400;
  return {
    url,
    kind,
    via: "http",
    ok: good,
    status: r.status,
    error: good ? null : "http_status",
    finalUrl: r.finalUrl,
  };
}

/** Checks every URL of a message's HTML for one organisation (own images must be its own). */
export async function checkMessageUrls(
  db: Db,
  orgId: string,
  html: string,
  opts: LinkCheckOptions = {},
): Promise<UrlCheck[]> {
  const app = new URL(env().APP_URL);
  const urls = extractUrls(html);
  const own = (u: string) => {
    try {
      return new URL(u).origin === app.origin ? new URL(u) : null;
    } catch {
      return null;
    }
  };
  const bankKeys = urls
    .map((u) => own(u.url)?.pathname.match(/^\/i\/([A-Za-z0-9_-]+)/)?.[1])
    .filter((k): k is string => Boolean(k));
  const found = new Set(
    bankKeys.length
      ? (
          await db
            .select({ key: images.publicKey })
            .from(images)
            .where(and(eq(images.orgId, orgId), inArray(images.publicKey, bankKeys)))
        ).map((r) => r.key)
      : [],
  );
  return pool(urls, opts.concurrency ?? 4, async ({ url, kind }): Promise<UrlCheck> => {
    const base = { url, kind, status: null };
    if (/^cid:/i.test(url)) return { ...base, via: "inline", ok: true, error: null };
    if (!/^https?:/i.test(url)) return { ...base, via: "notWeb", ok: true, error: null };
    const mine = own(url);
    if (mine) {
      const key = mine.pathname.match(/^\/i\/([A-Za-z0-9_-]+)/)?.[1];
      if (!key) return { ...base, via: "ownApp", ok: true, error: null };
      const ok = found.has(key);
      return { ...base, via: "imageBank", ok, error: ok ? null : "image_missing" };
    }
    return fetchCheck(url, kind, opts);
  });
}
