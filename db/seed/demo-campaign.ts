import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { campaigns, contacts, emailSenders, organizations, registers } from "../schema";
import { emptyDocument } from "@/lib/campaigns/document";

/**
 * Demo data for e-mail campaigns (issue 5), in the "demo" organisation: a verified sender, a
 * small register of subscribed members (when the organisation has no register yet) and one
 * draft campaign. Idempotent: whatever exists is left alone.
 */
export async function seedDemoCampaign(db: Db): Promise<void> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, "demo"));
  if (!org) return;
  await db
    .insert(emailSenders)
    .values({
      orgId: org.id,
      address: "uutiset@demo.viestikone.local",
      name: "Demo Oy",
      verifiedAt: new Date(),
    })
    .onConflictDoNothing();
  const [sender] = await db
    .select({ id: emailSenders.id })
    .from(emailSenders)
    .where(
      and(
        eq(emailSenders.orgId, org.id),
        sql`lower(${emailSenders.address}) = 'uutiset@demo.viestikone.local'`,
      ),
    );
  let [register] = await db
    .select({ id: registers.id })
    .from(registers)
    .where(eq(registers.orgId, org.id))
    .limit(1);
  if (!register) {
    [register] = await db
      .insert(registers)
      .values({ orgId: org.id, name: "Jäsenet", description: "Demo-organisaation jäsenet" })
      .returning({ id: registers.id });
    await db.insert(contacts).values(
      [
        ["Maija", "Meikäläinen", "maija@example.fi"],
        ["Matti", "Virtanen", "matti@example.fi"],
        ["Liisa", "Korhonen", "liisa@example.fi"],
      ].map(([firstName, lastName, email]) => ({
        orgId: org.id,
        registerId: register!.id,
        firstName: firstName!,
        lastName: lastName!,
        email: email!,
        emailStatus: "subscribed" as const,
      })),
    );
  }
  const [existing] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.orgId, org.id))
    .limit(1);
  if (existing) return;
  await db.insert(campaigns).values({
    orgId: org.id,
    channel: "email",
    name: "Tervetuloa-kirje",
    registerId: register!.id,
    audience: "register",
    senderId: sender?.id ?? null,
    fromName: "Demo Oy",
    subject: 'Tervetuloa, {{ first_name | default: "jäsen" }}!',
    preheader: "Kiitos, että liityit jäseneksi.",
    contentKind: "blocks",
    document: emptyDocument(),
  });
}
