import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { getExportFile } from "@/lib/exports/exports";
import { isAppError } from "@/lib/errors";
import { readFile } from "@/lib/files/store";
import { log } from "@/lib/log";
import { findMembership } from "@/lib/orgs/queries";
import { hasRole } from "@/lib/orgs/roles";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * Downloads a finished export (editors and main users of the organisation). Anyone else —
 * another organisation, a viewer, a wrong register — gets 404. Streams the stored chunks.
 */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ org: string; id: string; exportId: string }> },
) {
  const { org, id, exportId } = await params;
  const session = await auth();
  if (!session?.user?.id) return text(401, "Unauthorized");
  const db = await getDb();
  const m = await findMembership(db, session.user.id, org);
  if (!m || !hasRole(m.role, "editor")) return text(404, "Not found");
  try {
    const file = await getExportFile(db, m.orgId, id, exportId);
    const chunks = readFile(db, m.orgId, file.id);
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value));
      },
    });
    const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return new Response(body, {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.sizeBytes),
        "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    if (isAppError(err)) return text(err.status === 404 ? 404 : err.status, err.code);
    log.error({ err }, "export download failed");
    return text(500, "Internal error");
  }
}
