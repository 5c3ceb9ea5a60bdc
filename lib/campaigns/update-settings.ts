import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { authorizeActor, type Actor } from "@/lib/registers/registers";
import { checkAudience, getSenderOrThrow } from "./create-campaign";
import { checkSubjectAndPreheader } from "./merge-check";
import { checkSmsText, getSmsSenderOrThrow } from "./sms-text";
import { getCampaignOrThrow, type Campaign } from "./queries";
import type { UpdateSettingsInput } from "./schemas";

/** Fields that shape the message itself: changed only in a draft (the check must be redone). */
const MESSAGE_FIELDS = [
  "subject",
  "preheader",
  "senderId",
  "fromName",
  "replyTo",
  "trackOpens",
  "trackClicks",
  "inlineImages",
] as const;
/** The same for an SMS campaign (its text is edited on the content page). */
const SMS_MESSAGE_FIELDS = ["smsSender"] as const;

/**
 * Saves a campaign's settings (editors). In a draft everything may change, the recipients
 * included; once scheduled,
 * sending or paused only the name, rate limit and quiet hours (the message was checked as it
 * is). A changed subject or preheader bumps `contentVersion`, so the pre-flight check is due
 * again. Unknown merge fields are refused with the field named. An SMS campaign's message
 * fields are its sender name (one of the organisation's allowed senders) and, through the
 * recipients, the register its text's merge fields must exist in; e-mail fields stay untouched.
 */
export async function updateCampaignSettings(
  db: Db,
  opts: {
    orgId: string;
    actor: Actor;
    input: Omit<UpdateSettingsInput, "campaignId">;
    campaignId: string;
  },
): Promise<Campaign> {
  await authorizeActor(db, opts.orgId, opts.actor, "editor");
  const c = await getCampaignOrThrow(db, opts);
  const v = opts.input;
  if (c.status === "sent" || c.status === "cancelled")
    throw new AppError("CONFLICT", { userMessage: `campaigns.errors.finished|status=${c.status}` });
  const sms = c.channel === "sms";
  const fields = sms ? SMS_MESSAGE_FIELDS : MESSAGE_FIELDS;
  const changed: string[] = fields.filter((k) => (v[k] ?? null) !== (c[k] ?? null));
  const t = v.target;
  const retarget =
    t !== undefined &&
    (t.registerId !== c.registerId || t.audience !== c.audience || t.segmentId !== c.segmentId);
  if (retarget) changed.push("target");
  if (c.status !== "draft" && changed.length > 0)
    throw new AppError("CONFLICT", { userMessage: "campaigns.errors.unscheduleToEdit" });
  const registerId = retarget ? t.registerId : c.registerId;
  if (retarget) await checkAudience(db, { orgId: opts.orgId, ...t });
  let message;
  if (sms) {
    const smsSender = v.smsSender ?? c.smsSender ?? "";
    if (smsSender !== c.smsSender) await getSmsSenderOrThrow(db, opts.orgId, smsSender);
    if (registerId !== c.registerId && c.textBody?.trim())
      await checkSmsText(db, opts.orgId, registerId, c.textBody);
    message = { smsSender: smsSender || null };
  } else {
    if (v.senderId && v.senderId !== c.senderId) await getSenderOrThrow(db, opts.orgId, v.senderId);
    await checkSubjectAndPreheader(db, opts.orgId, registerId, v);
    message = {
      subject: v.subject,
      preheader: v.preheader,
      senderId: v.senderId,
      fromName: v.fromName,
      replyTo: v.replyTo,
      trackOpens: v.trackOpens,
      trackClicks: v.trackClicks,
      inlineImages: v.inlineImages,
    };
  }
  // Another register has other fields: the content's merge tags must be checked again too.
  const bump =
    (!sms && (v.subject !== c.subject || v.preheader !== c.preheader)) ||
    registerId !== c.registerId;
  const [row] = await db
    .update(campaigns)
    .set({
      name: v.name,
      ...(retarget ? { registerId, audience: t.audience, segmentId: t.segmentId } : {}),
      ...message,
      ratePerHour: v.ratePerHour,
      quietStartHour: v.quietStartHour,
      quietEndHour: v.quietEndHour,
      ...(bump ? { contentVersion: sql`${campaigns.contentVersion} + 1` } : {}),
      updatedAt: new Date(),
    })
    // Guarded by the status read above: a campaign scheduled meanwhile keeps its message.
    .where(
      and(eq(campaigns.id, c.id), eq(campaigns.orgId, opts.orgId), eq(campaigns.status, c.status)),
    )
    .returning();
  if (!row) throw new AppError("CONFLICT", { userMessage: "campaigns.errors.changedMeanwhile" });
  return row;
}

/**
 * Records that content version `version` was test-sent or previewed in its final form (E5), so
 * the campaign may be sent. A check of an older version than the current one counts for
 * nothing (returns false). Caller has checked the role (the PREFLIGHT actions do).
 */
export async function markContentChecked(
  db: Db,
  opts: { orgId: string; campaignId: string; version: number },
): Promise<boolean> {
  await getCampaignOrThrow(db, opts);
  const rows = await db
    .update(campaigns)
    .set({ checkedVersion: opts.version })
    .where(
      and(
        eq(campaigns.id, opts.campaignId),
        eq(campaigns.orgId, opts.orgId),
        eq(campaigns.contentVersion, opts.version),
      ),
    )
    .returning({ id: campaigns.id });
  return rows.length > 0;
}
