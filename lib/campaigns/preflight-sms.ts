import type { Db } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { smsLength } from "@/lib/sms/encoding";
import { normalizePhone } from "@/lib/sms/phone";
import { requestTestSms } from "@/lib/sms/service";
import { MAX_TEST_ADDRESSES, TEST_SENDS_PER_HOUR, markChecked, type Actor } from "./preflight";
import { getCampaignOrThrow } from "./queries";
import { previewSmsText } from "./save-sms-text";
import { smsMaxParts, getSmsSenderOrThrow } from "./sms-text";

/**
 * Test SMS of a campaign (S1 pre-flight): its text personalized as the chosen audience contact,
 * from the campaign's sender, to up to 10 phone numbers, each as an SMS job through the
 * configured gateway. Shares the e-mail test sends' per-organisation hourly limit; marks
 * `version` checked and records `preflight.test_sent` in one transaction. Editors (the action
 * checks the role); another organisation's campaign is NOT_FOUND.
 */
export async function sendSmsCampaignTest(
  db: Db,
  opts: {
    orgId: string;
    campaignId: string;
    version: number;
    numbers: string[];
    contactId?: string;
    actor: Actor;
    now?: Date;
  },
): Promise<{ sent: number }> {
  const numbers = [...new Set(opts.numbers.map((n) => normalizePhone(n) ?? n))];
  const bad = numbers.find((n) => !normalizePhone(n));
  if (bad)
    throw new AppError("BAD_REQUEST", {
      userMessage: `preflight.errors.invalidPhone|number=${bad}`,
    });
  if (numbers.length === 0 || numbers.length > MAX_TEST_ADDRESSES)
    throw new AppError("BAD_REQUEST", { userMessage: "preflight.errors.numberCount" });
  const c = await getCampaignOrThrow(db, opts);
  if (c.channel !== "sms") throw new AppError("NOT_FOUND");
  if (c.contentVersion !== opts.version)
    throw new AppError("CONFLICT", { userMessage: "preflight.errors.contentChanged" });
  const sender = await getSmsSenderOrThrow(db, opts.orgId, c.smsSender ?? "");
  const { text } = await previewSmsText(db, { ...opts, text: c.textBody ?? "" });
  const parts = smsLength(text).parts;
  if (parts === 0)
    throw new AppError("BAD_REQUEST", { userMessage: "campaigns.errors.smsTextRequired" });
  if (parts > smsMaxParts())
    throw new AppError("BAD_REQUEST", {
      userMessage: `campaigns.errors.smsTooLong|parts=${parts}|max=${smsMaxParts()}`,
    });
  await enforceRateLimits(
    db,
    [{ key: `preflight:test:${opts.orgId}`, limit: TEST_SENDS_PER_HOUR, windowSeconds: 3600 }],
    opts.now,
  );
  await db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    for (const to of numbers)
      await requestTestSms(tx, { orgId: opts.orgId, from: sender.sender, to, text });
    await markChecked(tx, opts.orgId, c.id, opts.version);
    await recordAudit(tx, {
      orgId: opts.orgId,
      actorId: opts.actor.userId,
      actorEmail: opts.actor.userEmail,
      action: "preflight.test_sent",
      targetType: "campaign",
      targetId: c.id,
      ip: opts.actor.ip,
      details: { targetName: c.name, count: numbers.length, numbers, version: opts.version },
    });
  });
  return { sent: numbers.length };
}
