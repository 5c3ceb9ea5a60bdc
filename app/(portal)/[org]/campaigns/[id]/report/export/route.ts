import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import { auth } from "@/lib/auth/auth";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { fileSlug } from "@/lib/exports/run-export";
import { findMembership } from "@/lib/orgs/queries";
import { hasRole } from "@/lib/orgs/roles";
import { clientIpOf } from "@/lib/security/request";
import { getReportCampaignOrThrow } from "@/lib/tracking/report";
import { reportColumns, reportCsv, reportXlsx, toWebStream } from "@/lib/tracking/report-export";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The report's per-recipient export as CSV or .xlsx (editors, like contact exports: it holds
 * addresses). A route handler is a public endpoint: it checks the session and role itself; a
 * campaign of another organisation is a 404.
 */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ org: string; id: string }> },
) {
  const { org, id } = await params;
  const format = new URL(req.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const session = await auth();
  if (!session?.user?.id) return text(401, "Unauthorized");
  const db = await getDb();
  const m = await findMembership(db, session.user.id, org);
  if (!m || !hasRole(m.role, "editor")) return text(404, "Not found");
  try {
    const campaign = await getReportCampaignOrThrow(db, m.orgId, id);
    const t = await getTranslations("reports");
    const cols = reportColumns((k) => t(k), campaign.channel);
    // SMS statuses name what is awaited: "sent" is still waiting for its delivery report.
    const statuses = campaign.channel === "sms" ? "sms.statuses" : "export.statuses";
    const status = (s: string) => t(`${statuses}.${s}`);
    const day = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Helsinki" });
    const name = `${fileSlug(campaign.name)}-${day}.${format}`;
    // The rows are personal data: every download is in the audit log.
    await recordAudit(db, {
      orgId: m.orgId,
      actorId: session.user.id,
      actorEmail: session.user.email ?? null,
      ip: clientIpOf(req.headers),
      action: "campaign.report_exported",
      targetType: "campaign",
      targetId: id,
      details: { targetName: campaign.name, format, channel: campaign.channel },
    });
    const body =
      format === "csv"
        ? toWebStream(reportCsv(db, m.orgId, id, cols, status))
        : toWebStream(reportXlsx(db, m.orgId, id, cols, status, campaign.name));
    return new Response(body, {
      headers: {
        "content-type":
          format === "csv"
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (isAppError(err)) return text(err.status, err.code === "NOT_FOUND" ? "Not found" : err.code);
    log.error({ err }, "report export failed");
    return text(500, "Internal error");
  }
}
