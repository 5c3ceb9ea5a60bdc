import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { exportAuditLog } from "@/lib/audit/export";
import { parseAuditFilters } from "@/lib/audit/queries";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { findMembership } from "@/lib/orgs/queries";
import { hasRole } from "@/lib/orgs/roles";
import { clientIp } from "@/lib/security/request";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** CSV export of the audit log. A route handler is a public endpoint: it checks everything itself. */
export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const session = await auth();
  if (!session?.user?.id) return text(401, "Unauthorized");
  const db = await getDb();
  const m = await findMembership(db, session.user.id, org);
  // Not a member or not a main user: the log does not exist for them (same as the page).
  if (!m || !hasRole(m.role, "main")) return text(404, "Not found");
  const { filters } = parseAuditFilters(Object.fromEntries(new URL(req.url).searchParams));
  try {
    const { csv } = await exportAuditLog(db, {
      orgId: m.orgId,
      userId: session.user.id,
      userEmail: session.user.email ?? "",
      ip: await clientIp(),
      filters,
      locale: (await getLocale()) === "en" ? "en" : "fi",
    });
    const day = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Helsinki" });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${m.slug}-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (isAppError(err)) return text(err.status, err.code);
    log.error({ err }, "audit export failed");
    return text(500, "Internal error");
  }
}
