import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Fetching URLs people typed without letting them reach inside our network (ARCHITECTURE §5):
 * only http(s), every hop's host resolved and refused when any address is private, loopback,
 * link-local or otherwise not public, and the connection made to exactly the address we checked
 * (our own `lookup`, so DNS cannot answer differently between the check and the connect).
 * Redirects are followed by hand, each one checked again; time and redirect count are bounded.
 */

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** True when an IP address is not a public unicast address (IPv4-mapped IPv6 judged as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const kind = isIP(a);
  if (kind === 4) return blocked.check(a, "ipv4");
  if (kind !== 6) return true;
  const mapped =
    /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a) ?? /^64:ff9b::(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(a);
  if (hexMapped) {
    const n = (parseInt(hexMapped[1]!, 16) << 16) | parseInt(hexMapped[2]!, 16);
    return blocked.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join("."), "ipv4");
  }
  return blocked.check(a, "ipv6");
}

export type SafeFetchError =
  "invalid_url" | "blocked_address" | "dns" | "timeout" | "connection" | "too_many_redirects";

export type SafeFetchResult =
  | { ok: true; status: number; finalUrl: string; redirects: number; contentType: string | null }
  | { ok: false; error: SafeFetchError; detail?: string; finalUrl: string; redirects: number };

export type SafeFetchOptions = {
  method?: "HEAD" | "GET";
  /** Whole request including redirects. */
  timeoutMs?: number;
  maxRedirects?: number;
  /**
   * Hosts or IP addresses let through the private-address guard. Only tests pass this (to reach
   * a server on 127.0.0.1); production code never does.
   */
  allowHosts?: readonly string[];
};

class Refused extends Error {
  constructor(
    readonly code: SafeFetchError,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

/** A `lookup` that resolves like the system does but refuses any non-public address. */
function guardedLookup(allow: Set<string>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as { address: string; family: number }[];
      if (
        !allow.has(hostname.toLowerCase()) &&
        list.some((x) => !allow.has(x.address) && isPrivateAddress(x.address))
      )
        return callback(new Refused("blocked_address", hostname), "", 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function requestOnce(url: URL, method: string, lookup: LookupFunction, signal: AbortSignal) {
  return new Promise<{ status: number; location: string | null; contentType: string | null }>(
    (resolve, reject) => {
      const lib = url.protocol === "https:" ? https : http;
      const req = lib.request(
        url,
        {
          method,
          lookup,
          signal,
          headers: { "user-agent": "Viestikone-LinkCheck/1.0", accept: "*/*" },
        },
        (res) => {
          resolve({
            status: res.statusCode ?? 0,
            location: typeof res.headers.location === "string" ? res.headers.location : null,
            contentType: res.headers["content-type"] ?? null,
          });
          // Only the status matters: never read (or buffer) the body.
          res.destroy();
        },
      );
      req.on("error", reject);
      req.end();
    },
  );
}

const errorCode = (err: unknown): SafeFetchError => {
  if (err instanceof Refused) return err.code;
  const e = err as { code?: string; name?: string; cause?: unknown };
  if (e.cause instanceof Refused) return e.cause.code;
  if (e.name === "AbortError" || e.code === "ABORT_ERR") return "timeout";
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN" || e.code === "ENODATA") return "dns";
  return "connection";
};

/** Requests a URL safely (see the module comment); never throws, reports why it failed instead. */
export async function safeFetch(
  raw: string,
  opts: SafeFetchOptions = {},
): Promise<SafeFetchResult> {
  const allow = new Set((opts.allowHosts ?? []).map((h) => h.toLowerCase()));
  const maxRedirects = opts.maxRedirects ?? 5;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 5000);
  const lookup = guardedLookup(allow);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: "invalid_url", finalUrl: raw, redirects: 0 };
  }
  for (let redirects = 0; ; redirects++) {
    const finalUrl = url.toString();
    try {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new Refused("invalid_url", url.protocol);
      const host = url.hostname.replace(/^\[|\]$/g, "");
      // An IP literal is connected to directly (no lookup), so judge it here.
      if (isIP(host) && !allow.has(host) && isPrivateAddress(host))
        throw new Refused("blocked_address", host);
      const res = await requestOnce(url, opts.method ?? "GET", lookup, signal);
      if (res.status >= 300 && res.status < 400 && res.location) {
        if (redirects >= maxRedirects)
          return { ok: false, error: "too_many_redirects", finalUrl, redirects };
        url = new URL(res.location, url);
        continue;
      }
      return { ok: true, status: res.status, finalUrl, redirects, contentType: res.contentType };
    } catch (err) {
      const e = err as Error;
      return { ok: false, error: errorCode(err), detail: e.message, finalUrl, redirects };
    }
  }
}
