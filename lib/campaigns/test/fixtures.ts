import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { contacts, sandboxEmails } from "@/db/schema";
import { createOrg, createUser, createVerifiedSender } from "@/db/seed/factories";
import { createSandboxTransport } from "@/lib/email/sandbox";
import type { EmailTransport, OutgoingEmail, SendResult } from "@/lib/email/transport";
import { createRegister } from "@/lib/registers/registers";
import { createCampaign } from "../create-campaign";
import type { RenderCampaign } from "../prepare";
import {
  LINK_SENTINEL,
  OPEN_SENTINEL,
  UNSUBSCRIBE_SENTINEL,
  type RenderedMessage,
} from "../render/types";
import { markContentChecked } from "../update-settings";

/**
 * Test fixtures for dispatch: an organisation with a register of named, subscribed contacts, a
 * verified sender and a checked draft campaign. The renderer port is fed a small fixed message
 * with every sentinel (rendering itself is tested in lib/campaigns/render).
 */
export const fixtureRender: RenderCampaign = async (_db, c) =>
  ({
    subject: c.subject,
    preheader: c.preheader,
    html:
      `<p>Hei {{ first_name }} ({{ kaupunki | default: "?" }})!</p>` +
      `<p><a href="${LINK_SENTINEL(0)}">Lue lisää</a></p>` +
      `<img src="${OPEN_SENTINEL}" width="1" height="1" alt="">` +
      `<p><a href="${UNSUBSCRIBE_SENTINEL}">Peru tilaus</a></p>`,
    text: `Hei {{ first_name }}!\nLue lisää: ${LINK_SENTINEL(0)}\nPeru tilaus: ${UNSUBSCRIBE_SENTINEL}`,
    links: [{ idx: 0, url: "https://example.fi/syysjuhla?a=1&b=2", label: "Lue lisää" }],
    inlineImages: [],
    htmlBytes: 300,
    mimeBytes: 2000,
    findings: [],
  }) satisfies RenderedMessage;

export async function dispatchSetup(db: Db, opts: { contacts?: number } = {}) {
  const org = await createOrg(db);
  const user = await createUser(db, { orgId: org.id, role: "editor" });
  const actor = { userId: user.id, userEmail: user.email, ip: null };
  const register = await createRegister(db, org.id, actor, {
    name: "Jäsenet",
    columns: [{ label: "Kaupunki", type: "text" }],
  });
  const n = opts.contacts ?? 7;
  const people =
    n === 0
      ? []
      : await db
          .insert(contacts)
          .values(
            Array.from({ length: n }, (_, i) => ({
              orgId: org.id,
              registerId: register.id,
              firstName: `Jäsen${i}`,
              email: `jasen${i}@example.fi`,
              emailStatus: "subscribed" as const,
              data: { kaupunki: i % 2 ? "Oulu" : "Turku" },
            })),
          )
          .returning();
  const sender = await createVerifiedSender(db, { orgId: org.id, name: "Kyläyhdistys" });
  const campaign = async (extra: { ratePerHour?: number } = {}) => {
    const c = await createCampaign(db, {
      orgId: org.id,
      actor,
      name: "Syysjuhla",
      registerId: register.id,
      audience: "register",
      segmentId: null,
      senderId: sender.id,
      subject: "Tervetuloa {{ first_name }}",
      contentKind: "text",
    });
    await markContentChecked(db, { orgId: org.id, campaignId: c.id, version: c.contentVersion });
    if (extra.ratePerHour) {
      const { campaigns } = await import("@/db/schema");
      await db
        .update(campaigns)
        .set({ ratePerHour: extra.ratePerHour })
        .where(eq(campaigns.id, c.id));
    }
    return c;
  };
  return { org, user, actor, register, people, sender, campaign };
}

/** The org's sandbox outbox as (to, subject) pairs, sorted. */
export async function outbox(db: Db, orgId: string) {
  const rows = await db.select().from(sandboxEmails).where(eq(sandboxEmails.orgId, orgId));
  return rows.sort((a, b) => (a.toAddress < b.toAddress ? -1 : a.toAddress > b.toAddress ? 1 : 0));
}

/**
 * The sandbox transport with test hooks: `before` runs before a batch, `fail` may answer for a
 * message instead of delivering it, `after` runs once the batch was delivered (throwing there
 * is a crash between "provider accepted" and "marked sent").
 */
export function sandbox(
  db: Db,
  hooks: {
    before?: (msgs: OutgoingEmail[], call: number) => Promise<void> | void;
    fail?: (m: OutgoingEmail, call: number) => SendResult | null;
    after?: (call: number) => Promise<void> | void;
    maxBatch?: number;
  } = {},
): EmailTransport {
  const inner = createSandboxTransport(async () => db);
  let call = 0;
  return {
    kind: "sandbox",
    maxBatch: hooks.maxBatch ?? inner.maxBatch,
    async sendBatch(msgs) {
      const n = ++call;
      await hooks.before?.(msgs, n);
      const failed = msgs.map((m) => hooks.fail?.(m, n) ?? null);
      const delivered = await inner.sendBatch(msgs.filter((_, i) => !failed[i]));
      await hooks.after?.(n);
      let j = 0;
      return msgs.map((_, i) => failed[i] ?? delivered[j++]!);
    },
    close: () => inner.close(),
  };
}
