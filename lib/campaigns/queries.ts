import { and, asc, count, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { notFound } from "next/navigation";
import type { Db } from "@/db";
import { campaigns, emailSenders, registers, segments } from "@/db/schema";
import { AppError, isAppError } from "@/lib/errors";
import type { CampaignStatus } from "./status";

export type Campaign = typeof campaigns.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A campaign of the organisation, or NOT_FOUND (also for another organisation's id). */
export async function getCampaignOrThrow(
  db: Db,
  opts: { orgId: string; campaignId: string },
): Promise<Campaign> {
  if (!UUID.test(opts.campaignId)) throw new AppError("NOT_FOUND");
  const [c] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, opts.campaignId), eq(campaigns.orgId, opts.orgId)));
  if (!c) throw new AppError("NOT_FOUND");
  return c;
}

/** Like getCampaignOrThrow, for pages: another organisation's campaign is a 404. */
export async function loadCampaignForPage(db: Db, orgId: string, campaignId: string) {
  try {
    return await getCampaignOrThrow(db, { orgId, campaignId });
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

export const CAMPAIGN_PAGE_SIZE = 25;

/** One page of the organisation's campaigns (e-mail and SMS), newest first, optionally of some statuses. */
export async function listCampaigns(
  db: Db,
  opts: { orgId: string; statuses?: CampaignStatus[]; page?: number; pageSize?: number },
) {
  const size = Math.min(opts.pageSize ?? CAMPAIGN_PAGE_SIZE, 100);
  const page = Math.max(0, opts.page ?? 0);
  const where = and(
    eq(campaigns.orgId, opts.orgId),
    opts.statuses?.length ? inArray(campaigns.status, opts.statuses) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: campaigns.id,
        name: campaigns.name,
        status: campaigns.status,
        channel: campaigns.channel,
        subject: campaigns.subject,
        textBody: campaigns.textBody,
        scheduledAt: campaigns.scheduledAt,
        recipients: campaigns.recipients,
        finishedAt: campaigns.finishedAt,
        createdAt: campaigns.createdAt,
        registerName: registers.name,
        segmentName: segments.name,
      })
      .from(campaigns)
      .innerJoin(registers, eq(registers.id, campaigns.registerId))
      .leftJoin(segments, eq(segments.id, campaigns.segmentId))
      .where(where)
      .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
      .limit(size)
      .offset(page * size),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, page, pages: Math.ceil(n / size) };
}

/** The organisation's verified senders, for the sender pickers. */
export async function listVerifiedSenders(db: Db, orgId: string) {
  return db
    .select({ id: emailSenders.id, address: emailSenders.address, name: emailSenders.name })
    .from(emailSenders)
    .where(and(eq(emailSenders.orgId, orgId), isNotNull(emailSenders.verifiedAt)))
    .orderBy(asc(emailSenders.address));
}

/** Registers and their segments, for the recipients picker. */
export async function listCampaignTargets(db: Db, orgId: string) {
  const [regs, segs] = await Promise.all([
    db
      .select({ id: registers.id, name: registers.name })
      .from(registers)
      .where(eq(registers.orgId, orgId))
      .orderBy(asc(registers.name)),
    db
      .select({ id: segments.id, name: segments.name, registerId: segments.registerId })
      .from(segments)
      .where(eq(segments.orgId, orgId))
      .orderBy(asc(segments.name)),
  ]);
  return regs.map((r) => ({ ...r, segments: segs.filter((s) => s.registerId === r.id) }));
}
