import { getDb } from "@/db";
import { log } from "@/lib/log";
import { reportWriter } from "@/lib/sms/delivery-reports";
import { verifyReportToken } from "@/lib/sms/report-token";

export const dynamic = "force-dynamic";

/**
 * Kannel delivery reports (the `dlr-url` our adapter passes): `t` is the signed message key,
 * `type` Kannel's report type, `at` its timestamp (unix seconds), `reply` the SMSC's answer.
 * Forged or malformed tokens get 403 and change nothing; genuine reports answer 200 even when
 * they change nothing, so Kannel does not retry them.
 */
export async function GET(req: Request) {
  const p = new URL(req.url).searchParams;
  const key = verifyReportToken(p.get("t") ?? "");
  const type = Number(p.get("type"));
  if (!key || !Number.isInteger(type) || type < 1 || type > 31)
    return new Response("forbidden", { status: 403 });
  const atSeconds = Number(p.get("at"));
  const at = Number.isFinite(atSeconds) && atSeconds > 0 ? new Date(atSeconds * 1000) : new Date();
  // Concurrent reports share one write (group commit); this answers only after ours is committed.
  const outcome = await reportWriter(await getDb()).apply({
    key,
    type,
    at,
    detail: p.get("reply") ?? undefined,
  });
  log.debug({ key, type, outcome }, "kannel delivery report");
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}
