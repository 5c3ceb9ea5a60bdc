import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { isAppError } from "@/lib/errors";
import { readUpTo, saveImage } from "@/lib/images/images";
import { toPickerImage } from "@/lib/images/queries";
import { log } from "@/lib/log";
import { findMembership } from "@/lib/orgs/queries";
import { hasRole } from "@/lib/orgs/roles";
import { clientIp } from "@/lib/security/request";

const json = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * Upload to the image bank (editors). The file is the raw request body, named in X-File-Name
 * (server actions have a small body limit). Answers { ok, image } or { ok: false, error } with
 * an i18n key.
 */
export async function POST(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const session = await auth();
  if (!session?.user?.id) return json(401, { ok: false, error: "errors.UNAUTHORIZED" });
  const db = await getDb();
  const m = await findMembership(db, session.user.id, org);
  if (!m) return json(404, { ok: false, error: "errors.NOT_FOUND" });
  if (!hasRole(m.role, "editor")) return json(403, { ok: false, error: "errors.FORBIDDEN" });
  if (m.status === "suspended") return json(403, { ok: false, error: "errors.SUSPENDED" });
  if (!req.body) return json(400, { ok: false, error: "images.errors.empty" });
  let name = "image";
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? "") || name;
  } catch {
    // a malformed name: keep the default
  }
  try {
    const bytes = await readUpTo(req.body as unknown as AsyncIterable<Uint8Array>);
    const actor = {
      userId: session.user.id,
      userEmail: session.user.email ?? "",
      ip: await clientIp(),
    };
    const img = await saveImage(db, m.orgId, actor, { name, bytes });
    return json(201, {
      ok: true,
      image: toPickerImage(img),
    });
  } catch (err) {
    if (isAppError(err)) return json(err.status, { ok: false, error: err.userMessage });
    log.error({ err }, "image upload failed");
    return json(500, { ok: false, error: "errors.INTERNAL" });
  }
}
