import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, emailSenders } from "@/db/schema";
import { AppError, isAppError } from "@/lib/errors";
import { authorizeActor, getRegisterOrThrow, type Actor } from "@/lib/registers/registers";
import { getSegmentOrThrow } from "@/lib/segments/segments";
import { emptyDocument } from "./document";
import { recordCampaignAudit } from "./audit";
import { checkSubjectAndPreheader } from "./merge-check";
import { getCampaignOrThrow, type Campaign } from "./queries";
import { checkSmsText, getSmsSenderOrThrow } from "./sms-text";
import { assertTransition } from "./status";

export type { Actor };

export type CreateCampaignOptions = {
  orgId: string;
  actor: Actor;
  name: string;
  registerId: string;
  audience: "register" | "segment";
  segmentId: string | null;
  senderId?: string | null;
  fromName?: string;
  replyTo?: string | null;
  subject?: string;
  preheader?: string;
  contentKind?: "blocks" | "html" | "text";
  /** "sms": an SMS campaign (S1) with `smsSender` and `textBody`; e-mail fields are ignored. */
  channel?: "email" | "sms";
  smsSender?: string | null;
  textBody?: string | null;
};

/** A sender of the organisation (any state), or NOT_FOUND; verification is checked on send. */
export async function getSenderOrThrow(db: Db, orgId: string, senderId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(senderId)) throw new AppError("NOT_FOUND");
  const [s] = await db
    .select()
    .from(emailSenders)
    .where(and(eq(emailSenders.id, senderId), eq(emailSenders.orgId, orgId)));
  if (!s)
    throw new AppError("NOT_FOUND", {
      userMessage: "campaigns.errors.senderNotFound",
      fieldErrors: { senderId: ["campaigns.errors.senderNotFound"] },
    });
  return s;
}

export type CampaignTarget = Pick<CreateCampaignOptions, "registerId" | "audience" | "segmentId">;

/** Checks that the register (and segment of it) belong to the organisation (else NOT_FOUND). */
export async function checkAudience(db: Db, o: CampaignTarget & { orgId: string }) {
  await getRegisterOrThrow(db, o.orgId, o.registerId);
  if (o.audience === "segment") {
    if (!o.segmentId)
      throw new AppError("BAD_REQUEST", { userMessage: "campaigns.errors.targetRequired" });
    await getSegmentOrThrow(db, o.orgId, o.segmentId, o.registerId);
  }
}

/** The message columns of a new campaign: e-mail (sender, subject) or SMS (sender name, text). */
async function messageValues(db: Db, o: CreateCampaignOptions) {
  if (o.channel === "sms") {
    const fieldErrors: Record<string, string[]> = {};
    const collect = async <T>(fn: () => Promise<T>) => {
      try {
        return await fn();
      } catch (err) {
        if (!isAppError(err) || !err.fieldErrors) throw err;
        Object.assign(fieldErrors, err.fieldErrors);
        return null;
      }
    };
    // Both checked, so the form shows every problem at once.
    const sender = await collect(() => getSmsSenderOrThrow(db, o.orgId, o.smsSender ?? ""));
    const textBody = await collect(() => checkSmsText(db, o.orgId, o.registerId, o.textBody ?? ""));
    const first = Object.values(fieldErrors)[0]?.[0];
    if (first) throw new AppError("BAD_REQUEST", { userMessage: first, fieldErrors });
    return {
      channel: "sms" as const,
      smsSender: sender!.sender,
      textBody,
      contentKind: "text" as const,
    };
  }
  const sender = o.senderId ? await getSenderOrThrow(db, o.orgId, o.senderId) : null;
  const subject = (o.subject ?? "").trim();
  const preheader = (o.preheader ?? "").trim();
  await checkSubjectAndPreheader(db, o.orgId, o.registerId, { subject, preheader });
  return {
    channel: "email" as const,
    senderId: sender?.id ?? null,
    fromName: (o.fromName ?? sender?.name ?? "").trim(),
    replyTo: o.replyTo?.trim() || null,
    subject,
    preheader,
    contentKind: o.contentKind ?? "blocks",
  };
}

/**
 * Creates a draft campaign (editors): e-mail with an empty block document, subject and
 * preheader checked for unknown merge fields and the sender one of the organisation's; or SMS
 * with one of the organisation's allowed sender names and a checked text (lib/campaigns/
 * sms-text.ts). Nothing is stored on an error. Records `campaign.created`.
 */
export async function createCampaign(db: Db, o: CreateCampaignOptions): Promise<Campaign> {
  await authorizeActor(db, o.orgId, o.actor, "editor");
  const name = o.name.trim();
  if (!name)
    throw new AppError("BAD_REQUEST", {
      userMessage: "campaigns.errors.nameRequired",
      fieldErrors: { name: ["campaigns.errors.nameRequired"] },
    });
  await checkAudience(db, o);
  const message = await messageValues(db, o);
  return db.transaction(async (tx) => {
    const [c] = await tx
      .insert(campaigns)
      .values({
        orgId: o.orgId,
        name,
        registerId: o.registerId,
        audience: o.audience,
        segmentId: o.audience === "segment" ? o.segmentId : null,
        ...message,
        document: emptyDocument(),
        createdBy: o.actor.userId,
      })
      .returning();
    await recordCampaignAudit(tx, {
      orgId: o.orgId,
      actor: o.actor,
      action: "campaign.created",
      campaign: c!,
    });
    return c!;
  });
}

/**
 * Copies a campaign (any status) into a new draft named "<name> (kopio)": content, settings and
 * audience, but no schedule, check, rendering or deliveries. Editors; records `campaign.created`.
 */
export async function duplicateCampaign(
  db: Db,
  opts: { orgId: string; actor: Actor; campaignId: string; copySuffix?: string },
): Promise<Campaign> {
  await authorizeActor(db, opts.orgId, opts.actor, "editor");
  const src = await getCampaignOrThrow(db, opts);
  return db.transaction(async (tx) => {
    const [c] = await tx
      .insert(campaigns)
      .values({
        orgId: opts.orgId,
        channel: src.channel,
        name: `${src.name} ${opts.copySuffix ?? "(kopio)"}`.slice(0, 200),
        registerId: src.registerId,
        audience: src.audience,
        segmentId: src.segmentId,
        ratePerHour: src.ratePerHour,
        contentKind: src.contentKind,
        subject: src.subject,
        preheader: src.preheader,
        senderId: src.senderId,
        smsSender: src.smsSender,
        fromName: src.fromName,
        replyTo: src.replyTo,
        document: src.document,
        html: src.html,
        textBody: src.textBody,
        trackOpens: src.trackOpens,
        trackClicks: src.trackClicks,
        inlineImages: src.inlineImages,
        quietStartHour: src.quietStartHour,
        quietEndHour: src.quietEndHour,
        payerOrgId: src.payerOrgId,
        createdBy: opts.actor.userId,
      })
      .returning();
    await recordCampaignAudit(tx, {
      orgId: opts.orgId,
      actor: opts.actor,
      action: "campaign.created",
      campaign: c!,
      details: { duplicatedFrom: src.id },
    });
    return c!;
  });
}

/** Deletes a draft campaign (editors); anything scheduled or sent stays for the report. */
export async function deleteCampaign(
  db: Db,
  opts: { orgId: string; actor: Actor; campaignId: string },
): Promise<void> {
  await authorizeActor(db, opts.orgId, opts.actor, "editor");
  await db.transaction(async (tx) => {
    const c = await getCampaignOrThrow(tx as unknown as Db, opts);
    assertTransition(c.status, "delete");
    // Conditional on the status, so a campaign scheduled a moment ago is not deleted.
    const gone = await tx
      .delete(campaigns)
      .where(
        and(eq(campaigns.id, c.id), eq(campaigns.orgId, opts.orgId), eq(campaigns.status, "draft")),
      )
      .returning({ id: campaigns.id });
    if (gone.length === 0) {
      const now = await getCampaignOrThrow(tx as unknown as Db, opts);
      assertTransition(now.status, "delete");
    }
    await recordCampaignAudit(tx, {
      orgId: opts.orgId,
      actor: opts.actor,
      action: "campaign.deleted",
      campaign: c,
    });
  });
}
