import { headers } from "next/headers";

/**
 * The client's IP address as seen by the first proxy (x-forwarded-for's first entry), else
 * x-real-ip, else "unknown". Used for rate limits and the audit log, never for access control.
 */
export function clientIpOf(h: Headers): string {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}

/** `clientIpOf` for the current request (server components and actions). */
export async function clientIp(): Promise<string> {
  return clientIpOf(await headers());
}
