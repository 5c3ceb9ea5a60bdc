import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { campaigns, contacts, emailSenders, organizations, registers, smsSenders } from "../schema";
import { emptyDocument } from "@/lib/campaigns/document";

/**
 * Demo data for campaigns (issues 5 and 6), in the "demo" organisation: a verified e-mail
 * sender and an allowed SMS sender name, a small register of members subscribed to e-mail and
 * SMS (when the organisation has no register yet), one draft e-mail and one draft SMS campaign.
 * Idempotent: whatever exists is left alone.
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
        ["Maija", "Meikäläinen", "maija@example.fi", "+358401234501"],
        ["Matti", "Virtanen", "matti@example.fi", "+358401234502"],
        ["Liisa", "Korhonen", "liisa@example.fi", "+358401234503"],
      ].map(([firstName, lastName, email, phone]) => ({
        orgId: org.id,
        registerId: register!.id,
        firstName: firstName!,
        lastName: lastName!,
        email: email!,
        phone: phone!,
        emailStatus: "subscribed" as const,
        smsStatus: "subscribed" as const,
      })),
    );
  }
  await db.insert(smsSenders).values({ orgId: org.id, sender: "Demo Oy" }).onConflictDoNothing();
  const existing = await db
    .select({ channel: campaigns.channel })
    .from(campaigns)
    .where(eq(campaigns.orgId, org.id));
  if (!existing.some((c) => c.channel === "email"))
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
  if (!existing.some((c) => c.channel === "sms"))
    await db.insert(campaigns).values({
      orgId: org.id,
      channel: "sms",
      name: "Muistutus jäsenillasta",
      registerId: register!.id,
      audience: "register",
      smsSender: "Demo Oy",
      textBody:
        'Hei {{ first_name | default: "jäsen" }}! Jäsenilta torstaina klo 18 Demo Oy:n tiloissa. Tervetuloa!',
    });
}
