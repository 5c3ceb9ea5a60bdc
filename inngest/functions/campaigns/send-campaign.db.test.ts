import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pool } from "pg";
import { InngestTestEngine } from "@inngest/test";
import { openTestDb } from "@/db/seed/test-db";
import { scheduleCampaign } from "@/lib/campaigns/schedule";
import { dispatchSetup, outbox } from "@/lib/campaigns/test/fixtures";
import { jobFunctions } from "../../index";

// The campaign job as Inngest runs it (@inngest/test), with the real renderer and the default
// sandbox transport, against a real database.
let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
  if (h.kind === "postgres") (h.raw as Pool).on("error", () => {});
});
afterAll(async () => h?.dispose());

const run = (data: Record<string, unknown>) =>
  new InngestTestEngine({
    function: jobFunctions.find((f) => f.id() === "campaign-send")!,
  }).execute({ events: [{ name: "campaign/send.requested", data }] });

describe("campaign-send", () => {
  it("sends a due campaign to every member once; a repeated event sends nothing more", async () => {
    const s = await dispatchSetup(h.db, { contacts: 3 });
    const c = await s.campaign();
    await scheduleCampaign(h.db, { orgId: s.org.id, actor: s.actor, campaignId: c.id, at: null });
    const first = await run({ orgId: s.org.id, campaignId: c.id });
    expect(first.error).toBeUndefined();
    expect(first.result).toMatchObject({ state: "finished", sent: 3 });
    const again = await run({ orgId: s.org.id, campaignId: c.id });
    expect(again.result).toMatchObject({ state: "stopped", sent: 0 });
    const mails = await outbox(h.db, s.org.id);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      "Tervetuloa Jäsen0",
      "Tervetuloa Jäsen1",
      "Tervetuloa Jäsen2",
    ]);
    // The real renderer's footer went out with each message, and no sentinel was left.
    for (const m of mails) expect(m.text).not.toContain("%%VK_");
  });

  it("does nothing for another organisation's campaign id", async () => {
    const s = await dispatchSetup(h.db, { contacts: 2 });
    const c = await s.campaign();
    await scheduleCampaign(h.db, { orgId: s.org.id, actor: s.actor, campaignId: c.id, at: null });
    const other = await dispatchSetup(h.db, { contacts: 0 });
    const r = await run({ orgId: other.org.id, campaignId: c.id });
    expect(r.result).toMatchObject({ state: "stopped", sent: 0 });
    expect(await outbox(h.db, s.org.id)).toHaveLength(0);
  });
});
