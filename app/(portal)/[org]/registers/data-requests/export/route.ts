import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { exportPerson, parsePersonQuery } from "@/lib/contacts/data-subject";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { findMembership } from "@/lib/orgs/queries";
import { hasRole } from "@/lib/orgs/roles";
import { clientIp } from "@/lib/security/request";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * Download of everything kept about one person (R11), as JSON or CSV. A route handler is a
 * public endpoint: it checks the session, the membership and the role itself (editors+).
 */
export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const session = await auth();
  if (!session?.user?.id) return text(401, "Unauthorized");
  const db = await getDb();
  const m = await findMembership(db, session.user.id, org);
  if (!m || !hasRole(m.role, "editor")) return text(404, "Not found");
  const url = new URL(req.url);
  const q = parsePersonQuery(url.searchParams.get("q") ?? "");
  if (!q) return text(400, "Enter an e-mail address or a phone number.");
  const format = url.searchParams.get("format") === "csv" ? "csv" : "json";
  try {
    const out = await exportPerson(
      db,
      m.orgId,
      { userId: session.user.id, userEmail: session.user.email ?? "", ip: await clientIp() },
      q,
      format,
    );
    const day = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Helsinki" });
    return new Response(out.body, {
      headers: {
        "content-type": out.contentType,
        "content-disposition": `attachment; filename="person-${m.slug}-${day}.${out.extension}"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (isAppError(err)) return text(err.status, err.code);
    log.error({ err }, "person export failed");
    return text(500, "Internal error");
  }
}
