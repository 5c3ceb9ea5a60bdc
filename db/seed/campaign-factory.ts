import type { Db } from "../client";
import { campaigns } from "../schema";
import { createRegister } from "@/lib/registers/registers";

type CampaignOpts = { orgId: string; userId: string; userEmail?: string; name?: string };

/** A register through the domain (so its columns are real), by default with "Kaupunki". */
async function testRegister(db: Db, opts: CampaignOpts, columns = ["Kaupunki"]) {
  return createRegister(
    db,
    opts.orgId,
    { userId: opts.userId, userEmail: opts.userEmail ?? "test@example.test", ip: null },
    {
      name: `Asiakkaat ${Math.random().toString(36).slice(2, 7)}`,
      columns: columns.map((label) => ({ label, type: "text" as const })),
    },
  );
}

/**
 * A draft e-mail campaign to a new register (with a "Kaupunki" column, merge field `kaupunki`)
 * for tests. The register is created through the domain so its columns are real.
 */
export async function createEmailCampaign(db: Db, opts: CampaignOpts) {
  const register = await testRegister(db, opts);
  const [c] = await db
    .insert(campaigns)
    .values({
      orgId: opts.orgId,
      channel: "email",
      name: opts.name ?? "Kevätkirje",
      registerId: register.id,
      audience: "register",
      createdBy: opts.userId,
    })
    .returning();
  return { campaign: c!, register };
}

/**
 * A draft SMS campaign with `textBody` to a new register with `columns` (default "Kaupunki",
 * merge field `kaupunki`) for tests; the sender name is stored as given, not checked.
 */
export async function createSmsCampaign(
  db: Db,
  opts: CampaignOpts & { textBody?: string; columns?: string[]; smsSender?: string },
) {
  const register = await testRegister(db, opts, opts.columns);
  const [c] = await db
    .insert(campaigns)
    .values({
      orgId: opts.orgId,
      channel: "sms",
      name: opts.name ?? "Syysale",
      registerId: register.id,
      audience: "register",
      smsSender: opts.smsSender ?? "Kauppa",
      textBody: opts.textBody ?? "",
      createdBy: opts.userId,
    })
    .returning();
  return { campaign: c!, register };
}
