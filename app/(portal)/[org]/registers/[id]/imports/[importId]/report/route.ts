import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { getFile, readFile } from "@/lib/files/store";
import { getImportOrThrow } from "@/lib/import/imports";
import { isAppError } from "@/lib/errors";
import { findMembership } from "@/lib/orgs/queries";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Download of an import's rejected-rows report: any member of the organisation, nobody else. */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ org: string; id: string; importId: string }> },
) {
  const { org, id, importId } = await params;
  const session = await auth();
  if (!session?.user?.id) return text(401, "Unauthorized");
  const db = await getDb();
  const m = await findMembership(db, session.user.id, org);
  if (!m) return text(404, "Not found");
  try {
    const imp = await getImportOrThrow(db, m.orgId, importId);
    if (imp.registerId !== id || !imp.reportFileId) return text(404, "Not found");
    const file = await getFile(db, m.orgId, imp.reportFileId);
    if (!file) return text(404, "Not found");
    const chunks = readFile(db, m.orgId, file.id);
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const r = await chunks.next();
        if (r.done) controller.close();
        else controller.enqueue(new Uint8Array(r.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    const ascii = file.name.replace(/[^\w.-]+/g, "_");
    return new Response(stream, {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.sizeBytes),
        "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (isAppError(err)) return text(err.status, err.code);
    throw err;
  }
}
