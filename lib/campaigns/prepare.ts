import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { campaignLinks, campaigns } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { recordCampaignAudit } from "./audit";
import { materializeAudience } from "./deliveries";
import { getCampaignOrThrow, type Campaign } from "./queries";
import { notReadyReasons } from "./readiness";
import type { RenderedMessage } from "./render/types";

/** Renders a campaign's content once (lib/campaigns/render `renderMessage` in production). */
export type RenderCampaign = (db: Db, campaign: Campaign) => Promise<RenderedMessage>;

/**
 * The campaign's rendered message, rendering and storing it (with its numbered links in
 * `campaign_links`) when there is none for the current content version. Once the audience is
 * materialized the stored rendering is final: link numbers in sent messages must stay valid.
 */
export async function ensureRendered(
  db: Db,
  c: Campaign,
  render: RenderCampaign,
): Promise<RenderedMessage> {
  if (c.rendered && (c.renderedVersion === c.contentVersion || c.materializedAt))
    return c.rendered as RenderedMessage;
  const r = await render(db, c);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(campaigns)
      .set({ rendered: r, renderedVersion: c.contentVersion })
      .where(
        and(eq(campaigns.id, c.id), eq(campaigns.orgId, c.orgId), isNull(campaigns.materializedAt)),
      )
      .returning({ id: campaigns.id });
    if (updated.length === 0) return;
    await tx.delete(campaignLinks).where(eq(campaignLinks.campaignId, c.id));
    if (r.links.length > 0)
      await tx
        .insert(campaignLinks)
        .values(r.links.map((l) => ({ campaignId: c.id, idx: l.idx, url: l.url, label: l.label })))
        .onConflictDoNothing();
  });
  const fresh = await getCampaignOrThrow(db, { orgId: c.orgId, campaignId: c.id });
  return fresh.rendered as RenderedMessage;
}

/** Sends a scheduled campaign back to draft with the reason (an i18n key) shown on its page. */
async function refuse(db: Db, c: Campaign, error: string): Promise<"refused"> {
  await db
    .update(campaigns)
    .set({ status: "draft", scheduledAt: null, error, updatedAt: new Date() })
    .where(and(eq(campaigns.id, c.id), eq(campaigns.status, "scheduled")));
  return "refused";
}

/** A render finding as the page shows it: "render.key|name=value". */
const findingMessage = (f: RenderedMessage["findings"][number]) =>
  f.code +
  Object.entries(f.values ?? {})
    .map(([k, v]) => `|${k}=${String(v).replace(/[|=]/g, " ")}`)
    .join("");

/**
 * Starts a due scheduled campaign: checks it is still ready (pre-flight, verified sender,
 * subject, audience), renders once, materializes the audience once, then moves it to
 * `sending` and records `campaign.sent` with the recipient count and payer placeholder. A
 * campaign that is not ready, whose rendering has a blocking finding (over 250 kB) or whose
 * segment is gone goes back to draft with the reason. Idempotent under duplicate jobs.
 */
export async function startCampaign(
  db: Db,
  c: Campaign,
  opts: { render: RenderCampaign; now: Date },
): Promise<"started" | "refused" | "stopped"> {
  const reasons = await notReadyReasons(db, c);
  if (reasons.length > 0) return refuse(db, c, `campaigns.errors.${reasons[0]}`);
  const rendered = await ensureRendered(db, c, opts.render);
  const blocking = rendered.findings.find((f) => f.severity === "block");
  if (blocking) return refuse(db, c, findingMessage(blocking));
  let recipients: number;
  try {
    recipients = await materializeAudience(db, c.orgId, c.id);
  } catch (err) {
    if (isAppError(err) && err.code === "CONFLICT") return refuse(db, c, err.userMessage);
    throw err;
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(campaigns)
      .set({
        status: "sending",
        startedAt: opts.now,
        error: null,
        updatedAt: opts.now,
      })
      .where(
        and(
          eq(campaigns.id, c.id),
          eq(campaigns.orgId, c.orgId),
          eq(campaigns.status, "scheduled"),
        ),
      )
      .returning({ id: campaigns.id });
    // Paused or cancelled meanwhile, or another runner started it: nothing to do here.
    if (!row) return "stopped" as const;
    await recordCampaignAudit(tx, {
      orgId: c.orgId,
      actor: null,
      action: "campaign.sent",
      campaign: c,
      details: {
        count: recipients,
        scheduledAt: c.scheduledAt?.toISOString() ?? null,
        // A8 (partner issue): who pays for the send; null = the organisation itself.
        payerOrgId: c.payerOrgId ?? null,
      },
    });
    return "started" as const;
  });
}
