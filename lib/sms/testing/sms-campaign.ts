import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { campaigns, contacts } from "@/db/schema";
import { createOrg, createUser } from "@/db/seed/factories";
import { createRegister } from "@/lib/registers/registers";
import { createSandboxGateway } from "../sandbox";
import type { OutgoingSms, SmsGateway, SmsSendResult } from "../gateway";
import { addSmsSender } from "../senders";

/**
 * Test and benchmark fixtures for SMS campaigns (S1): an organisation (main user) with a
 * register of `n` named, SMS-subscribed contacts, an allowed sender and a scheduled SMS campaign due now, so
 * `sendCampaign` starts and sends it for real.
 */
export async function createSmsCampaignSetup(
  db: Db,
  opts: { contacts?: number; text?: string; name?: string } = {},
) {
  const org = await createOrg(db);
  const user = await createUser(db, { orgId: org.id, role: "main" });
  const actor = { userId: user.id, userEmail: user.email, ip: null };
  const register = await createRegister(db, org.id, actor, { name: "Asiakkaat", columns: [] });
  const n = opts.contacts ?? 3;
  // Numbers +35840<7 digits> from a random start, so organisations of one test run differ.
  const starts = Math.max(1, Math.floor((8_999_999 - n) / 100));
  const prefix = 1_000_000 + (randomBytes(2).readUInt16BE() % starts) * 100;
  const people: (typeof contacts.$inferSelect)[] = [];
  // In chunks: one INSERT may bind at most 65,535 parameters.
  for (let start = 0; start < n; start += 5000)
    people.push(
      ...(await db
        .insert(contacts)
        .values(
          Array.from({ length: Math.min(5000, n - start) }, (_, k) => ({
            orgId: org.id,
            registerId: register.id,
            firstName: `Etu${start + k}`,
            lastName: `Suku${start + k}`,
            phone: `+35840${prefix + start + k}`,
            smsStatus: "subscribed" as const,
          })),
        )
        .returning()),
    );
  await addSmsSender(db, org.id, actor, { sender: "Kauppa" });
  const [campaign] = await db
    .insert(campaigns)
    .values({
      orgId: org.id,
      channel: "sms",
      name: opts.name ?? `Tekstiviesti ${randomBytes(3).toString("hex")}`,
      registerId: register.id,
      audience: "register",
      status: "scheduled",
      scheduledAt: new Date(),
      smsSender: "Kauppa",
      textBody: opts.text ?? "Hei {{ first_name }}! Tervetuloa.",
    })
    .returning();
  return { org, user, actor, register, people, campaign: campaign! };
}

/**
 * The sandbox gateway with a test hook: `fail` may answer for a message instead of sending it
 * (a permanent or transient error, as a real gateway would).
 */
export function sandboxSmsGateway(
  db: Db,
  fail: (m: OutgoingSms) => SmsSendResult | null = () => null,
): SmsGateway {
  const inner = createSandboxGateway(async () => db);
  return {
    kind: "sandbox",
    maxBatch: inner.maxBatch,
    async sendBatch(msgs) {
      const failed = msgs.map((m) => fail(m));
      const sent = await inner.sendBatch(msgs.filter((_, i) => !failed[i]));
      let j = 0;
      return msgs.map((_, i) => failed[i] ?? sent[j++]!);
    },
    close: () => inner.close(),
  };
}
