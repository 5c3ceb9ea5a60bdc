import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { campaignLinks, campaigns, contacts, deliveries } from "../schema";
import { claimDeliveries, markSent, materializeAudience } from "@/lib/campaigns/deliveries";
import { createRegister } from "@/lib/registers/registers";
import { createOrg, createUser } from "./factories";

const rand = () => randomBytes(4).toString("hex");

/** Subscribed e-mail contacts in a register (names "Etu<i> Suku<i>", random addresses). */
export async function createEmailContacts(
  db: Db,
  orgId: string,
  registerId: string,
  n: number,
  prefix = `c${rand()}`,
) {
  return db
    .insert(contacts)
    .values(
      Array.from({ length: n }, (_, i) => ({
        orgId,
        registerId,
        email: `${prefix}-${i}@example.fi`,
        firstName: `Etu${i}`,
        lastName: `Suku${i}`,
        emailStatus: "subscribed" as const,
      })),
    )
    .returning();
}

/**
 * An e-mail campaign to a whole register, its links numbered 0…, materialized and every
 * delivery marked sent with a provider id `prov-<delivery id>` (as a transport would).
 */
export async function createSentEmailCampaign(
  db: Db,
  opts: {
    orgId: string;
    registerId: string;
    name?: string;
    links?: { url: string; label?: string }[];
  },
) {
  const [c] = await db
    .insert(campaigns)
    .values({
      orgId: opts.orgId,
      channel: "email",
      name: opts.name ?? `Uutiskirje ${rand()}`,
      registerId: opts.registerId,
      audience: "register",
      subject: "Hei",
      status: "sending",
    })
    .returning();
  const campaign = c!;
  const links = opts.links ?? [{ url: "https://example.fi/tarjous", label: "Tarjous" }];
  if (links.length > 0)
    await db
      .insert(campaignLinks)
      .values(
        links.map((l, idx) => ({ campaignId: campaign.id, idx, url: l.url, label: l.label ?? "" })),
      );
  await materializeAudience(db, opts.orgId, campaign.id);
  for (;;) {
    const batch = await claimDeliveries(db, campaign.id, 500, 60_000);
    if (batch.length === 0) break;
    await markSent(
      db,
      campaign.id,
      batch.map((d) => ({ id: d.id, providerId: `prov-${d.id}` })),
    );
  }
  await db.update(campaigns).set({ status: "sent" }).where(eq(campaigns.id, campaign.id));
  const rows = await db
    .select()
    .from(deliveries)
    .where(eq(deliveries.campaignId, campaign.id))
    .orderBy(deliveries.id);
  return { campaign, deliveries: rows };
}

/**
 * A fresh organisation (main user), a register of `n` subscribed e-mail contacts and a sent
 * campaign to them with the given links: the starting point of the tracking tests.
 */
export async function createSentCampaignSetup(
  db: Db,
  opts: { contacts?: number; links?: { url: string; label: string }[] } = {},
) {
  const org = await createOrg(db);
  const u = await createUser(db, { orgId: org.id, role: "main" });
  const actor = { userId: u.id, userEmail: u.email, ip: null };
  const register = await createRegister(db, org.id, actor, { name: "Asiakkaat", columns: [] });
  const people = await createEmailContacts(db, org.id, register.id, opts.contacts ?? 2);
  const sent = await createSentEmailCampaign(db, {
    orgId: org.id,
    registerId: register.id,
    ...(opts.links ? { links: opts.links } : {}),
  });
  return { db, org, actor, register, people, ...sent };
}
