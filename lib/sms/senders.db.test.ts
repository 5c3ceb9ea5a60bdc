import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, campaigns } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { AppError } from "@/lib/errors";
import { createRegister } from "@/lib/registers/registers";
import { addSmsSender, listSmsSenders, removeSmsSender } from "./senders";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function org() {
  const o = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: o.id, role: "main" });
  return { orgId: o.id, actor: { userId: u.id, userEmail: u.email, ip: null } };
}

const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an AppError");
};

describe("SMS senders (S2)", () => {
  it("adds valid names and numbers, lists them, audits, and refuses duplicates", async () => {
    const { orgId, actor } = await org();
    await addSmsSender(h.db, orgId, actor, { sender: " Kauppa  Oy " });
    await addSmsSender(h.db, orgId, actor, { sender: "+358401234567" });
    expect((await listSmsSenders(h.db, orgId)).map((s) => s.sender)).toEqual([
      "+358401234567",
      "Kauppa Oy",
    ]);
    const dup = await fails(addSmsSender(h.db, orgId, actor, { sender: "Kauppa Oy" }));
    expect(dup.code).toBe("CONFLICT");
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "sms_sender.added")));
    expect(audit).toHaveLength(2);
  });

  it("names the character that is not allowed, and stores nothing", async () => {
    const { orgId, actor } = await org();
    const e = await fails(addSmsSender(h.db, orgId, actor, { sender: "Ääkkönen" }));
    expect(e.fieldErrors?.sender).toEqual(["errors.SENDER_BAD_CHARACTER|character=Ä"]);
    const long = await fails(addSmsSender(h.db, orgId, actor, { sender: "Kauppakeskus1" }));
    expect(long.fieldErrors?.sender).toEqual(["errors.SENDER_TOO_LONG"]);
    expect(await listSmsSenders(h.db, orgId)).toHaveLength(0);
  });

  it("refuses to remove a sender a scheduled campaign uses; removes it otherwise", async () => {
    const { orgId, actor } = await org();
    const s = await addSmsSender(h.db, orgId, actor, { sender: "Kampanja" });
    const reg = await createRegister(h.db, orgId, actor, { name: "R", columns: [] });
    const [c] = await h.db
      .insert(campaigns)
      .values({
        orgId,
        channel: "sms",
        name: "Ale",
        registerId: reg.id,
        audience: "register",
        status: "scheduled",
        smsSender: "Kampanja",
      })
      .returning();
    const e = await fails(removeSmsSender(h.db, orgId, actor, s.id));
    expect(e.userMessage).toBe("smsSenders.errors.inUse");
    await h.db.update(campaigns).set({ status: "sent" }).where(eq(campaigns.id, c!.id));
    await removeSmsSender(h.db, orgId, actor, s.id);
    expect(await listSmsSenders(h.db, orgId)).toHaveLength(0);
  });

  it("another organisation's sender is not found and stays", async () => {
    const a = await org();
    const b = await org();
    const s = await addSmsSender(h.db, a.orgId, a.actor, { sender: "Alfa" });
    expect((await fails(removeSmsSender(h.db, b.orgId, b.actor, s.id))).code).toBe("NOT_FOUND");
    expect(await listSmsSenders(h.db, b.orgId)).toHaveLength(0);
    expect(await listSmsSenders(h.db, a.orgId)).toHaveLength(1);
  });
});
