import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { authorizeActor, type Actor } from "@/lib/registers/registers";
import { recordCampaignAudit } from "./audit";
import { getCampaignOrThrow, type Campaign } from "./queries";
import { assertReadyToSend } from "./readiness";
import { assertTransition, type CampaignTransition } from "./status";

type Opts = { orgId: string; actor: Actor; campaignId: string; now?: Date };

/** A time more than this far in the past is a mistake, not "now". */
const PAST_GRACE_MS = 60_000;

/** Loads the campaign locked for the rest of the transaction (org-scoped; NOT_FOUND otherwise). */
async function lockCampaign(tx: Db, orgId: string, campaignId: string): Promise<Campaign> {
  const c = await getCampaignOrThrow(tx, { orgId, campaignId });
  await tx.execute(sql`select 1 from campaigns where id = ${c.id}::uuid for update`);
  return getCampaignOrThrow(tx, { orgId, campaignId });
}

/** Runs one user transition in a transaction: authorize, lock, check, change, audit. */
async function transition(
  db: Db,
  o: Opts,
  name: CampaignTransition,
  change: (tx: Db, c: Campaign, now: Date) => Promise<Record<string, unknown> | void>,
): Promise<Campaign> {
  await authorizeActor(db, o.orgId, o.actor, "editor");
  const now = o.now ?? new Date();
  return db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const c = await lockCampaign(tx, o.orgId, o.campaignId);
    assertTransition(c.status, name);
    const details = (await change(tx, c, now)) ?? {};
    const action = (
      {
        schedule: "campaign.scheduled",
        unschedule: "campaign.unscheduled",
        pause: "campaign.paused",
        resume: "campaign.resumed",
        cancel: "campaign.cancelled",
      } as const
    )[name as "schedule"];
    if (action)
      await recordCampaignAudit(tx, {
        orgId: o.orgId,
        actor: o.actor,
        action,
        campaign: c,
        details,
      });
    return getCampaignOrThrow(tx, o);
  });
}

/** Asks a runner to send (or continue) a campaign, in the caller's transaction. */
export async function requestSend(
  tx: Db,
  c: { orgId: string; id: string },
  key: string,
  runAt?: Date,
): Promise<void> {
  await enqueue(
    tx,
    "campaign/send.requested",
    { orgId: c.orgId, campaignId: c.id },
    { dedupeKey: `${c.id}:${key}`, runAt },
  );
}

/**
 * Schedules a draft (or reschedules a scheduled) campaign to send at `at`, or now when `at` is
 * null (editors). Refused unless ready (pre-flight check of this content version, verified
 * sender, subject, audience) and unless `at` is now or later. A send due now is handed to the
 * runner in the same transaction; a later one is found by the minute tick. `campaign.scheduled`.
 */
export async function scheduleCampaign(db: Db, o: Opts & { at: Date | null }): Promise<Campaign> {
  return transition(db, o, "schedule", async (tx, c, now) => {
    await assertReadyToSend(tx, c);
    const at = o.at ?? now;
    if (at.getTime() < now.getTime() - PAST_GRACE_MS)
      throw new AppError("BAD_REQUEST", {
        userMessage: "campaigns.errors.inPast",
        fieldErrors: { date: ["campaigns.errors.inPast"] },
      });
    await tx
      .update(campaigns)
      .set({ status: "scheduled", scheduledAt: at, error: null, updatedAt: now })
      .where(eq(campaigns.id, c.id));
    if (at.getTime() <= now.getTime()) await requestSend(tx, c, `at:${at.toISOString()}`);
    return { scheduledAt: at.toISOString(), now: o.at === null };
  });
}

/** Takes a scheduled campaign back to draft so its message can be edited (editors). */
export async function unscheduleCampaign(db: Db, o: Opts): Promise<Campaign> {
  return transition(db, o, "unschedule", async (tx, c, now) => {
    await tx
      .update(campaigns)
      .set({ status: "draft", scheduledAt: null, updatedAt: now })
      .where(eq(campaigns.id, c.id));
  });
}

/** Pauses a scheduled or sending campaign; the sender stops between batches (editors). */
export async function pauseCampaign(db: Db, o: Opts): Promise<Campaign> {
  return transition(db, o, "pause", async (tx, c, now) => {
    await tx
      .update(campaigns)
      .set({ status: "paused", pausedAt: now, updatedAt: now })
      .where(eq(campaigns.id, c.id));
  });
}

/**
 * Resumes a paused campaign (editors): back to sending when it had started (the runner is asked
 * at once), else back to scheduled for its time (sent at once when that has passed).
 */
export async function resumeCampaign(db: Db, o: Opts): Promise<Campaign> {
  return transition(db, o, "resume", async (tx, c, now) => {
    const started = c.startedAt !== null;
    await tx
      .update(campaigns)
      .set({ status: started ? "sending" : "scheduled", pausedAt: null, updatedAt: now })
      .where(and(eq(campaigns.id, c.id), eq(campaigns.status, "paused")));
    if (started || (c.scheduledAt && c.scheduledAt <= now))
      await requestSend(tx, c, `resume:${now.toISOString()}`);
  });
}

/**
 * Cancels a scheduled, sending or paused campaign for good (editors). Messages already sent
 * stay sent; the rest are never sent.
 */
export async function cancelCampaign(db: Db, o: Opts): Promise<Campaign> {
  return transition(db, o, "cancel", async (tx, c, now) => {
    await tx
      .update(campaigns)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now })
      .where(eq(campaigns.id, c.id));
  });
}
