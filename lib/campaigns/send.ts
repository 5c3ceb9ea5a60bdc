import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { campaigns } from "@/db/schema";
import type { EmailTransport } from "@/lib/email/transport";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { claimDeliveries } from "./deliveries";
import { quietHoursEnd } from "./helsinki-time";
import { startCampaign, type RenderCampaign } from "./prepare";
import { getCampaignOrThrow, type Campaign } from "./queries";
import { rateAllowance } from "./rate";
import { requestSend } from "./schedule";
import { sendBatch, sendContext, type SendContext } from "./send-batch";

export type SendOptions = {
  transport: EmailTransport;
  render: RenderCampaign;
  /** Stop and hand over to a fresh job after this long (fan-out continuation). */
  budgetMs?: number;
  /** Deliveries claimed per batch (capped by the transport's batch size). */
  batchSize?: number;
  /** How long a claim lasts: a crashed sender's rows are claimed again after this. */
  leaseMs?: number;
  /** Attempts before a transiently failing recipient is marked failed. */
  maxAttempts?: number;
  /** Wait before retrying a transient failure, by attempt number. */
  retryMs?: (attempt: number) => number;
  /** Longest in-handler wait (for claims of others or a rate window) before handing over. */
  maxWaitMs?: number;
};

export type SendOutcome = {
  state: "finished" | "continue" | "held" | "stopped" | "refused" | "not-due";
  sent: number;
  failed: number;
  resumeAt?: Date;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends an e-mail campaign (E8; ARCHITECTURE §2), the handler of `campaign/send.requested`.
 * Starts it when due (render once, materialize once), then loops: claim a batch (SKIP LOCKED,
 * leased), compose each recipient, send through the transport with key `d:<deliveryId>`, mark
 * sent / failed (transient failures retried later, permanent ones failed). Pause and cancel are
 * seen between batches; quiet hours and the rate limit hold messages (a continuation job is
 * queued for when they may go); after `budgetMs` it hands over to a fresh job. Safe to run
 * twice at once, after a crash or as a duplicate: every recipient gets the message once.
 */
export async function sendCampaign(
  db: Db,
  ids: { orgId: string; campaignId: string },
  opts: SendOptions,
): Promise<SendOutcome> {
  const t0 = Date.now();
  const out: SendOutcome = { state: "stopped", sent: 0, failed: 0 };
  let c = await getCampaignOrThrow(db, ids).catch(() => null);
  if (!c) return out;
  if (c.status === "scheduled") {
    if (c.scheduledAt && c.scheduledAt.getTime() > Date.now()) return { ...out, state: "not-due" };
    const started = await startCampaign(db, c, { render: opts.render, now: new Date() });
    if (started === "refused") return { ...out, state: "refused" };
    c = await getCampaignOrThrow(db, ids);
  }
  if (c.status !== "sending") return out;

  const budgetMs = opts.budgetMs ?? 50_000;
  const leaseMs = opts.leaseMs ?? 120_000;
  const maxWaitMs = opts.maxWaitMs ?? 2_000;
  const batchSize = Math.max(1, Math.min(opts.batchSize ?? 100, opts.transport.maxBatch));
  let ctx: SendContext | null;
  try {
    ctx = await sendContext(db, c, opts.render);
  } catch (err) {
    // An inline image deleted since rendering: pause with the reason rather than retry blindly.
    if (!isAppError(err)) throw err;
    await pauseWithError(db, c, err.userMessage);
    return out;
  }
  if (!ctx) {
    // The sender was deleted mid-send: pause with the reason rather than fail everyone.
    await pauseWithError(db, c, "campaigns.errors.noVerifiedSender");
    return out;
  }

  const handOver = async (state: "continue" | "held", at: Date) => {
    await requestSend(db, c!, `${state}:${at.toISOString()}`, at);
    await touch(db, c!.id);
    return { ...out, state, resumeAt: at };
  };

  for (;;) {
    const now = new Date();
    const status = await currentStatus(db, c);
    if (status !== "sending") return { ...out, state: "stopped" };
    const quietEnd = quietHoursEnd(now, c.quietStartHour, c.quietEndHour);
    if (quietEnd) return handOver("held", quietEnd);
    if (Date.now() - t0 > budgetMs) return handOver("continue", now);

    const rate = await rateAllowance(db, c.id, c.ratePerHour);
    if (rate.allowed <= 0) {
      const at = rate.nextAt ?? new Date(now.getTime() + 60_000);
      if (at.getTime() - Date.now() <= maxWaitMs) {
        await sleep(Math.max(20, at.getTime() - Date.now()));
        continue;
      }
      return handOver("continue", at);
    }

    const batch = await claimDeliveries(db, c.id, Math.min(batchSize, rate.allowed), leaseMs);
    if (batch.length === 0) {
      const next = await nextClaimable(db, c.id);
      if (next === null) {
        await finish(db, c);
        return { ...out, state: "finished" };
      }
      if (next.getTime() - Date.now() <= maxWaitMs) {
        await sleep(Math.max(20, next.getTime() - Date.now()));
        continue;
      }
      return handOver("continue", next);
    }
    const r = await sendBatch(db, c, ctx, batch, opts);
    out.sent += r.sent;
    out.failed += r.failed;
    await touch(db, c.id);
  }
}

/** Pauses a sending campaign with a reason (an i18n key) shown on its page. */
async function pauseWithError(db: Db, c: Campaign, error: string) {
  await db
    .update(campaigns)
    .set({ status: "paused", pausedAt: new Date(), error })
    .where(and(eq(campaigns.id, c.id), eq(campaigns.status, "sending")));
}

async function currentStatus(db: Db, c: Campaign): Promise<string | undefined> {
  const [r] = await db
    .select({ status: campaigns.status })
    .from(campaigns)
    .where(and(eq(campaigns.id, c.id), eq(campaigns.orgId, c.orgId)));
  return r?.status;
}

/** Heartbeat: the tick treats a sending campaign untouched for minutes as stalled. */
async function touch(db: Db, campaignId: string) {
  await db.update(campaigns).set({ updatedAt: new Date() }).where(eq(campaigns.id, campaignId));
}

/** When the next queued delivery can be claimed (now if free), or null when none is queued. */
async function nextClaimable(db: Db, campaignId: string): Promise<Date | null> {
  const [r] = await queryRows<{ n: number; at: string | null }>(
    db,
    sql`select count(*)::int as n, min(coalesce(claimed_until, now())) as at
        from deliveries where campaign_id = ${campaignId}::uuid and status = 'queued'`,
  );
  if (!r || Number(r.n) === 0) return null;
  return r.at ? new Date(r.at) : new Date();
}

/** Marks a campaign sent once nothing is queued (only from `sending`). */
async function finish(db: Db, c: Campaign) {
  const rows = await db
    .update(campaigns)
    .set({ status: "sent", finishedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(campaigns.id, c.id),
        eq(campaigns.status, "sending"),
        sql`not exists (select 1 from deliveries d where d.campaign_id = ${c.id}::uuid and d.status = 'queued')`,
      ),
    )
    .returning({ id: campaigns.id });
  if (rows.length) log.info({ campaignId: c.id, orgId: c.orgId }, "campaign sent");
}
