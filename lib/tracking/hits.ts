import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { recordEvent } from "./events";
import { verifyToken } from "./tokens";

/** A 1×1 transparent GIF (43 bytes), the open pixel's body. */
export const PIXEL_GIF = Buffer.from(
  "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==",
  "base64",
);

/** Events of the same kind within one minute count once (reload storms, prefetch bursts). */
const minute = (at: Date) => Math.floor(at.getTime() / 60_000);

/**
 * Records an open for a pixel token (one indexed statement); a forged or unknown token records
 * nothing. Opens of one delivery are counted at most once per minute, so reloads do not inflate
 * totals while a real re-open later still counts.
 */
export async function trackOpen(db: Db, token: string, at = new Date()): Promise<boolean> {
  const v = verifyToken("open", token);
  if (!v) return false;
  const r = await recordEvent(db, {
    deliveryId: v.deliveryId,
    type: "open",
    dedupeKey: `open:${v.deliveryId}:${minute(at)}`,
    at,
  });
  return r.recorded;
}

/**
 * Resolves a click token to the URL stored for that link of the delivery's own campaign and
 * records the click (at most once per link per minute); null for a forged token or a link index
 * the campaign does not have, so the redirect can never go anywhere else.
 */
export async function trackClick(db: Db, token: string, at = new Date()): Promise<string | null> {
  const v = verifyToken("click", token);
  if (!v || v.linkIdx === null) return null;
  const [link] = await queryRows<{ url: string }>(
    db,
    sql`select cl.url from deliveries d
        join campaign_links cl on cl.campaign_id = d.campaign_id and cl.idx = ${v.linkIdx}
        where d.id = ${v.deliveryId}`,
  );
  if (!link) return null;
  await recordEvent(db, {
    deliveryId: v.deliveryId,
    type: "click",
    linkIdx: v.linkIdx,
    dedupeKey: `click:${v.deliveryId}:${v.linkIdx}:${minute(at)}`,
    at,
  });
  return link.url;
}
