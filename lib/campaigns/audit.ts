import type { Db } from "@/db";
import { recordAudit, type AuditAction } from "@/lib/audit/record";
import type { Actor } from "@/lib/registers/registers";

type CampaignAction = Extract<AuditAction, `campaign.${string}`>;

/**
 * Records a campaign audit entry in the caller's transaction; `actor` null means the system
 * (the send handler). The campaign's name goes in as `targetName` for the audit page.
 */
export async function recordCampaignAudit(
  tx: unknown,
  e: {
    orgId: string;
    actor: Actor | null;
    action: CampaignAction;
    campaign: { id: string; name: string };
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await recordAudit(tx as Db, {
    orgId: e.orgId,
    actorId: e.actor?.userId ?? null,
    actorEmail: e.actor?.userEmail ?? null,
    action: e.action,
    targetType: "campaign",
    targetId: e.campaign.id,
    ip: e.actor?.ip ?? null,
    details: { targetName: e.campaign.name, ...e.details },
  });
}
