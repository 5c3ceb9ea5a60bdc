import type { Db } from "../client";
import { campaigns } from "../schema";
import { createRegister } from "@/lib/registers/registers";

/**
 * A draft e-mail campaign to a new register (with a "Kaupunki" column, merge field `kaupunki`)
 * for tests. The register is created through the domain so its columns are real.
 */
export async function createEmailCampaign(
  db: Db,
  opts: { orgId: string; userId: string; userEmail?: string; name?: string },
) {
  const register = await createRegister(
    db,
    opts.orgId,
    { userId: opts.userId, userEmail: opts.userEmail ?? "test@example.test", ip: null },
    {
      name: `Asiakkaat ${Math.random().toString(36).slice(2, 7)}`,
      columns: [{ label: "Kaupunki", type: "text" }],
    },
  );
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
