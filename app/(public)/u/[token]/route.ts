import { getDb } from "@/db";
import { appUrl } from "@/lib/auth/account-emails";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { log } from "@/lib/log";
import { unsubscribeByToken } from "@/lib/tracking/unsubscribe";
import { unsubscribeWording } from "@/lib/tracking/wording";

export const dynamic = "force-dynamic";

const MAX_BODY = 4096;
const ipOf = (req: Request) =>
  req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ||
  req.headers.get("x-real-ip") ||
  "unknown";

/**
 * GET never unsubscribes (link scanners open every link): it sends the browser to the confirm
 * page, keeping `?lang=`.
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lang = new URL(req.url).searchParams.get("lang");
  const q = isLocale(lang) ? `?lang=${lang}` : "";
  return new Response(null, {
    status: 303,
    headers: {
      Location: appUrl(`/u/${encodeURIComponent(token)}/confirm${q}`),
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Unsubscribes at once (E10). RFC 8058 one-click: the mail provider POSTs
 * `List-Unsubscribe=One-Click` with no cookies and no CSRF token — the signed token is the whole
 * authorization, so the body is accepted as it is. The confirm page's button posts here too (with
 * `from=page`) and is sent on to the preference centre.
 */
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY)
    return new Response("Payload too large", { status: 413 });
  let fromPage = false;
  let lang = "";
  try {
    const form = await req.formData();
    fromPage = form.get("from") === "page";
    lang = String(form.get("lang") ?? "");
  } catch {
    // A one-click POST with an unusual body still unsubscribes: the token is what counts.
  }
  try {
    await unsubscribeByToken(await getDb(), token, {
      ip: ipOf(req),
      wording: unsubscribeWording(fromPage ? "page" : "oneClick", isLocale(lang) ? lang : "fi"),
    });
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND")
      return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
    log.error({ err }, "unsubscribe failed");
    return new Response("Internal error", { status: 500 });
  }
  if (!fromPage)
    return new Response("Unsubscribed", {
      status: 200,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  const q = isLocale(lang) ? `&lang=${lang}` : "";
  return new Response(null, {
    status: 303,
    headers: { Location: appUrl(`/u/${encodeURIComponent(token)}/preferences?done=1${q}`) },
  });
}
