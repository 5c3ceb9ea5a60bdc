import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db";
import { emailSenders, segments, smsSenders } from "@/db/schema";
import { compileTemplate } from "@/lib/personalize/template";
import { AppError, isAppError } from "@/lib/errors";
import { checkSubjectAndPreheader, registerFieldNames } from "./merge-check";
import type { Campaign } from "./queries";

/** Why a campaign cannot be sent yet: i18n keys under `campaigns.errors`. */
export type NotReadyReason =
  | "notChecked"
  | "noVerifiedSender"
  | "subjectRequired"
  | "segmentGone"
  | "subjectInvalid"
  | "smsTextRequired"
  | "smsTextInvalid"
  | "noSmsSender";

/**
 * What stands between a campaign and sending (E5–E7): the current content version must have been
 * test-sent or previewed (`checkedVersion = contentVersion`), the sender must be a verified
 * sender of the organisation, the subject non-empty and valid for the register's fields as they
 * are now, and a segment audience must still exist. Empty list = ready.
 */
export async function notReadyReasons(db: Db, c: Campaign): Promise<NotReadyReason[]> {
  const out: NotReadyReason[] =
    c.channel === "sms" ? await smsNotReady(db, c) : await emailNotReady(db, c);
  if (c.audience === "segment") {
    const [s] = c.segmentId
      ? await db
          .select({ registerId: segments.registerId })
          .from(segments)
          .where(and(eq(segments.id, c.segmentId), eq(segments.orgId, c.orgId)))
      : [];
    if (!s || s.registerId !== c.registerId) out.push("segmentGone");
  }
  return out;
}

/**
 * An SMS campaign (S1–S2) needs a text whose merge fields exist in the register and one of the
 * organisation's allowed senders. (Length is decided per recipient at send time: a personalized
 * text over the part limit fails that recipient with the reason, see lib/sms/kannel.ts.)
 */
async function smsNotReady(db: Db, c: Campaign): Promise<NotReadyReason[]> {
  const out: NotReadyReason[] = [];
  const text = (c.textBody ?? "").trim();
  if (!text) out.push("smsTextRequired");
  else {
    try {
      compileTemplate(text, {
        kind: "text",
        fields: [...(await registerFieldNames(db, c.orgId, c.registerId))],
      });
    } catch (err) {
      if (!isAppError(err)) throw err;
      out.push("smsTextInvalid");
    }
  }
  const [sender] = c.smsSender
    ? await db
        .select({ id: smsSenders.id })
        .from(smsSenders)
        .where(and(eq(smsSenders.orgId, c.orgId), eq(smsSenders.sender, c.smsSender)))
    : [];
  if (!sender) out.push("noSmsSender");
  return out;
}

async function emailNotReady(db: Db, c: Campaign): Promise<NotReadyReason[]> {
  const out: NotReadyReason[] = [];
  if (c.checkedVersion !== c.contentVersion) out.push("notChecked");
  const [sender] = c.senderId
    ? await db
        .select({ id: emailSenders.id })
        .from(emailSenders)
        .where(
          and(
            eq(emailSenders.id, c.senderId),
            eq(emailSenders.orgId, c.orgId),
            isNotNull(emailSenders.verifiedAt),
          ),
        )
    : [];
  if (!sender) out.push("noVerifiedSender");
  if (!c.subject.trim()) out.push("subjectRequired");
  else {
    try {
      await checkSubjectAndPreheader(db, c.orgId, c.registerId, c);
    } catch (err) {
      if (!isAppError(err)) throw err;
      out.push("subjectInvalid");
    }
  }
  return out;
}

/** Throws CONFLICT with the first reason's message when the campaign is not ready to send. */
export async function assertReadyToSend(db: Db, c: Campaign): Promise<void> {
  const reasons = await notReadyReasons(db, c);
  if (reasons.length > 0)
    throw new AppError("CONFLICT", { userMessage: `campaigns.errors.${reasons[0]}` });
}
