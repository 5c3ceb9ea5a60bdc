import { randomUUID } from "node:crypto";
import type { Db } from "@/db";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { enforceRateLimits } from "@/lib/security/rate-limit";
import { checkMessageUrls, type LinkCheckOptions, type UrlCheck } from "./link-check";
import type { RenderCampaign } from "./prepare";
import { loadCampaignPreview, type CampaignPreview } from "./preview";
import { getCampaignOrThrow } from "./queries";
import { buildMime, checkWithRspamd, type RspamdResult } from "./rspamd";
import { runSpamChecks, type SpamFinding } from "./spam-checks";
import { markContentChecked } from "./update-settings";

export type Actor = { userId: string; userEmail: string; ip: string | null };

/** Most addresses one test send goes to. */
export const MAX_TEST_ADDRESSES = 10;
/** Test sends per organisation per hour. */
export const TEST_SENDS_PER_HOUR = 20;

/** Marks `version` checked, or CONFLICT when the content changed since the user looked at it. */
export async function markChecked(db: Db, orgId: string, campaignId: string, version: number) {
  if (!(await markContentChecked(db, { orgId, campaignId, version })))
    throw new AppError("CONFLICT", { userMessage: "preflight.errors.contentChanged" });
}

/**
 * "Approve preview": records that the user looked at content version `version` in its final form,
 * so the campaign may be sent (E5). Refused when the content has changed since (the user saw an
 * older version). Editors; audited as `preflight.approved`.
 */
export async function approvePreview(
  db: Db,
  opts: { orgId: string; campaignId: string; version: number; actor: Actor },
): Promise<void> {
  await db.transaction(async (tx) => {
    await markChecked(tx, opts.orgId, opts.campaignId, opts.version);
    const { name } = await getCampaignOrThrow(tx, opts);
    await recordAudit(tx, {
      orgId: opts.orgId,
      actorId: opts.actor.userId,
      actorEmail: opts.actor.userEmail,
      action: "preflight.approved",
      targetType: "campaign",
      targetId: opts.campaignId,
      ip: opts.actor.ip,
      details: { targetName: name, version: opts.version },
    });
  });
}

/**
 * Test send (E5): the message personalised as the chosen contact, subject prefixed "[TEST] ", to
 * up to 10 addresses, each as an e-mail job through the configured transport (key
 * `campaign-test-…`). Rate-limited per organisation; marks `version` checked and records
 * `preflight.test_sent` in the same transaction. Editors.
 */
export async function sendCampaignTest(
  db: Db,
  opts: {
    orgId: string;
    campaignId: string;
    version: number;
    addresses: string[];
    contactId?: string;
    actor: Actor;
    render: RenderCampaign;
    /** The rate-limit clock (tests). */
    now?: Date;
  },
): Promise<{ sent: number }> {
  const addresses = [...new Set(opts.addresses.map((a) => a.trim().toLowerCase()))];
  if (addresses.length === 0 || addresses.length > MAX_TEST_ADDRESSES)
    throw new AppError("BAD_REQUEST", { userMessage: "preflight.errors.addressCount" });
  await enforceRateLimits(
    db,
    [{ key: `preflight:test:${opts.orgId}`, limit: TEST_SENDS_PER_HOUR, windowSeconds: 3600 }],
    opts.now,
  );
  const p = await loadCampaignPreview(db, opts);
  if (p.campaign.contentVersion !== opts.version)
    throw new AppError("CONFLICT", { userMessage: "preflight.errors.contentChanged" });
  await db.transaction(async (tx) => {
    for (const to of addresses)
      await enqueue(tx, "email/message.requested", {
        orgId: opts.orgId,
        messageKey: `campaign-test-${p.campaign.id}-${randomUUID()}`,
        from: p.from,
        to,
        subject: `[TEST] ${p.message.subject}`.slice(0, 998),
        ...(p.message.html !== null ? { html: p.message.html } : {}),
        text: p.message.text,
        headers: { ...p.message.headers, "X-Viestikone-Kind": "campaign-test" },
      });
    await markChecked(tx, opts.orgId, opts.campaignId, opts.version);
    await recordAudit(tx, {
      orgId: opts.orgId,
      actorId: opts.actor.userId,
      actorEmail: opts.actor.userEmail,
      action: "preflight.test_sent",
      targetType: "campaign",
      targetId: p.campaign.id,
      ip: opts.actor.ip,
      details: {
        targetName: p.campaign.name,
        count: addresses.length,
        addresses,
        version: opts.version,
      },
    });
  });
  return { sent: addresses.length };
}

/** The built-in spam findings of a preview (cheap: run on every page view). */
export function builtInFindings(p: CampaignPreview): SpamFinding[] {
  return runSpamChecks({
    rendered: p.rendered,
    subject: p.message.subject,
    html: p.message.html,
    text: p.message.text,
  });
}

export type NetworkChecks = {
  urls: UrlCheck[];
  /** Null when SPAM_CHECK_URL is not configured. */
  rspamd: RspamdResult | null;
};

/**
 * The checks that go over the network: every link and image URL (SSRF-guarded), and rspamd's
 * score of the full MIME message as the SMTP transport would build it, when configured.
 * Failures are results (offline, refused, rspamd down), never exceptions.
 */
export async function runNetworkChecks(
  db: Db,
  p: CampaignPreview,
  linkOpts: LinkCheckOptions = {},
): Promise<NetworkChecks> {
  const spamUrl = env().SPAM_CHECK_URL;
  // A text-only message's links are the URLs in its text.
  const html =
    p.message.html ??
    (p.message.text.match(/https?:\/\/[^\s<>"')]+/g) ?? []).map((u) => `<a href="${u}">`).join("");
  const [urls, rspamd] = await Promise.all([
    checkMessageUrls(db, p.campaign.orgId, html, linkOpts),
    spamUrl
      ? buildMime({
          key: `preflight-${p.campaign.id}`,
          orgId: p.campaign.orgId,
          from: p.from,
          to: p.contact?.label.match(/<([^>]+)>/)?.[1] ?? "vastaanottaja@example.fi",
          subject: p.message.subject,
          ...(p.message.html !== null ? { html: p.message.html } : {}),
          text: p.message.text,
          headers: p.message.headers,
        }).then((mime) => checkWithRspamd(spamUrl, mime))
      : Promise.resolve(null),
  ]);
  return { urls, rspamd };
}
