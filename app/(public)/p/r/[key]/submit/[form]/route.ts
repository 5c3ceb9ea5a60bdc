import { getDb } from "@/db";
import { appUrl } from "@/lib/auth/account-emails";
import { isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { log } from "@/lib/log";
import { fieldsOf, one } from "@/lib/public-forms/input";
import { requestEditLink, submitJoin, submitLeave } from "@/lib/public-forms/join";
import { clientIp } from "@/lib/security/request";

const FORMS = { join: submitJoin, leave: submitLeave, edit: requestEditLink } as const;
const MAX_BODY = 64 * 1024;

// Anyone's site may post here (that is the point of the form code). No cookies are read and no
// session is used, so there is nothing for a cross-site request to borrow; JSON answers carry
// `Access-Control-Allow-Origin: *` without credentials for sites that post with fetch().
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Accept",
  "Access-Control-Max-Age": "86400",
};

function localeOf(lang: string, accept: string | null): Locale {
  if (isLocale(lang)) return lang;
  const first = (accept ?? "").split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return isLocale(first) ? first : "fi";
}

/** Preflight for fetch() with JSON accept headers from another origin. */
export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}

/**
 * The endpoint of the copy-paste form code (join, leave, edit-link request) from any origin.
 * Accepts url-encoded or multipart bodies; answers 303 to our answer page, or JSON when the
 * request says `Accept: application/json`.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ key: string; form: string }> },
) {
  const { key, form } = await params;
  const json = (request.headers.get("accept") ?? "").includes("application/json");
  const answer = (status: number, body: Record<string, unknown>, query: string) =>
    json
      ? Response.json(body, { status, headers: CORS })
      : new Response(null, {
          status: 303,
          headers: { Location: appUrl(`/p/r/${encodeURIComponent(key)}/done?${query}`) },
        });
  const handler = FORMS[form as keyof typeof FORMS];
  if (!handler || Number(request.headers.get("content-length") ?? 0) > MAX_BODY)
    return Response.json({ ok: false, error: "errors.NOT_FOUND" }, { status: 404, headers: CORS });
  let fields;
  try {
    fields = fieldsOf(await request.formData());
  } catch {
    return answer(
      400,
      { ok: false, error: "errors.INVALID_INPUT" },
      `f=${form}&error=errors.INVALID_INPUT`,
    );
  }
  try {
    const out = await handler(await getDb(), {
      key,
      fields,
      ip: await clientIp(),
      locale: localeOf(one(fields, "lang"), request.headers.get("accept-language")),
    });
    return answer(200, { ok: true, ...(out ?? {}) }, `f=${form}`);
  } catch (err) {
    if (!isAppError(err)) {
      log.error({ err }, "public form post failed");
      return answer(
        500,
        { ok: false, error: "errors.INTERNAL" },
        `f=${form}&error=errors.INTERNAL`,
      );
    }
    // A person gets the hosted page, which says that joining is closed (or 404s an unknown key).
    if (err.code === "NOT_FOUND")
      return json
        ? Response.json({ ok: false, error: "errors.NOT_FOUND" }, { status: 404, headers: CORS })
        : new Response(null, {
            status: 303,
            headers: { Location: appUrl(`/p/r/${encodeURIComponent(key)}`) },
          });
    const fe = Object.entries(err.fieldErrors ?? {})
      .map(([name, keys]) => `${name}:${keys[0]}`)
      .join(",");
    const q = new URLSearchParams({
      f: form,
      error: err.userMessage,
      ...(fe ? { fields: fe } : {}),
    });
    return answer(
      err.status,
      { ok: false, error: err.userMessage, fieldErrors: err.fieldErrors },
      q.toString(),
    );
  }
}
