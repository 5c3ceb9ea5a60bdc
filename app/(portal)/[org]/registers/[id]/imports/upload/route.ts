import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { isAppError } from "@/lib/errors";
import { createImportFromUpload } from "@/lib/import/imports";
import { log } from "@/lib/log";
import { findMembership } from "@/lib/orgs/queries";
import { hasRole } from "@/lib/orgs/roles";
import { clientIp } from "@/lib/security/request";

const json = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * Upload of an import file (R3). The browser sends the file itself as the request body (not a
 * form: server actions have a small body limit), named in the X-File-Name header. A route
 * handler is a public endpoint: it checks the session, the membership (editor+) and, through
 * createImportFromUpload, that the register is the organisation's. The body is streamed into
 * Postgres; answers { ok, url } or { ok: false, error } with an i18n key.
 */
export async function POST(
  req: Request,
  { params }: { params: Promise<{ org: string; id: string }> },
) {
  const { org, id } = await params;
  const session = await auth();
  if (!session?.user?.id) return json(401, { ok: false, error: "errors.UNAUTHORIZED" });
  const db = await getDb();
  const m = await findMembership(db, session.user.id, org);
  if (!m) return json(404, { ok: false, error: "errors.NOT_FOUND" });
  if (!hasRole(m.role, "editor")) return json(403, { ok: false, error: "errors.FORBIDDEN" });
  if (m.status === "suspended") return json(403, { ok: false, error: "errors.SUSPENDED" });
  if (!req.body) return json(400, { ok: false, error: "import.errors.NO_FILE" });
  let name = "import.csv";
  try {
    name = decodeURIComponent(req.headers.get("x-file-name") ?? "") || name;
  } catch {
    // a malformed name: keep the default
  }
  try {
    const imp = await createImportFromUpload(
      db,
      m.orgId,
      { userId: session.user.id, userEmail: session.user.email ?? "", ip: await clientIp() },
      id,
      name,
      req.body as unknown as AsyncIterable<Uint8Array>,
    );
    return json(201, { ok: true, url: `/${org}/registers/${id}/imports/${imp.id}` });
  } catch (err) {
    if (isAppError(err)) return json(err.status, { ok: false, error: err.userMessage });
    log.error({ err }, "import upload failed");
    return json(500, { ok: false, error: "errors.INTERNAL" });
  }
}
