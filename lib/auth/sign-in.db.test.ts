import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createUser } from "@/db/seed/factories";
import { attemptSignIn } from "./sign-in";
import { plusMinutes, rand, testIp } from "./testing";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const t0 = new Date("2026-03-02T10:00:00Z");

describe("attemptSignIn", () => {
  it("signs a verified user in by address in any case and audits it", async () => {
    const user = await createUser(h.db);
    const res = await attemptSignIn(
      h.db,
      { email: `  ${user.email.toUpperCase()} `, password: user.password },
      { ip: testIp(), now: t0 },
    );
    expect(res).toMatchObject({ ok: true, user: { id: user.id, email: user.email } });
    const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.actorId, user.id));
    expect(entry).toMatchObject({ action: "auth.sign_in", actorEmail: user.email });
  });

  it("answers an unknown address exactly like a wrong password, and audits the typed address without the password", async () => {
    const user = await createUser(h.db);
    const unknown = `Ei-Ole-${rand()}@Example.test`;
    const wrong = await attemptSignIn(
      h.db,
      { email: user.email, password: "Vaara-Sala-2026" },
      { ip: testIp(), now: t0 },
    );
    const none = await attemptSignIn(
      h.db,
      { email: unknown, password: "Vaara-Sala-2026" },
      { ip: testIp(), now: t0 },
    );
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(none).toEqual(wrong);
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorEmail, unknown.toLowerCase()));
    expect(entry).toMatchObject({
      action: "auth.sign_in_failed",
      actorId: null,
      details: { reason: "invalid" },
    });
    expect(JSON.stringify(entry)).not.toContain("Vaara-Sala");
  });

  it("tells an unverified account to verify only when the password is right", async () => {
    const user = await createUser(h.db);
    await h.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, user.id));
    expect(
      await attemptSignIn(
        h.db,
        { email: user.email, password: user.password },
        { ip: testIp(), now: t0 },
      ),
    ).toEqual({ ok: false, reason: "unverified" });
    expect(
      await attemptSignIn(
        h.db,
        { email: user.email, password: "Vaara-Sala-2026" },
        { ip: testIp(), now: t0 },
      ),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses the 6th failure for an address within 15 minutes with the minutes to wait, even with the right password", async () => {
    const user = await createUser(h.db);
    for (let n = 0; n < 5; n++) {
      expect(
        (
          await attemptSignIn(
            h.db,
            { email: user.email, password: `Vaara-${n}` },
            { ip: testIp(), now: t0 },
          )
        ).ok,
      ).toBe(false);
    }
    const res = await attemptSignIn(
      h.db,
      { email: user.email, password: user.password },
      { ip: testIp(), now: plusMinutes(t0, 3) },
    );
    expect(res).toEqual({
      ok: false,
      reason: "rate_limited",
      message: "errors.RATE_LIMITED_MINUTES|minutes=12",
    });
    // An unknown address is limited the same way: the limit reveals nothing.
    const unknown = `ei-ole-${rand()}@example.test`;
    for (let n = 0; n < 5; n++)
      await attemptSignIn(h.db, { email: unknown, password: "x" }, { ip: testIp(), now: t0 });
    expect(
      await attemptSignIn(h.db, { email: unknown, password: "x" }, { ip: testIp(), now: t0 }),
    ).toMatchObject({ reason: "rate_limited" });
    // The next window starts afresh.
    expect(
      (
        await attemptSignIn(
          h.db,
          { email: user.email, password: user.password },
          { ip: testIp(), now: plusMinutes(t0, 15) },
        )
      ).ok,
    ).toBe(true);
  });

  it("refuses the 21st failure from one IP within 15 minutes, whatever the address", async () => {
    const ip = testIp();
    for (let n = 0; n < 20; n++)
      await attemptSignIn(
        h.db,
        { email: `a-${rand()}@example.test`, password: "x" },
        { ip, now: t0 },
      );
    expect(
      await attemptSignIn(
        h.db,
        { email: `a-${rand()}@example.test`, password: "x" },
        { ip, now: t0 },
      ),
    ).toMatchObject({ reason: "rate_limited" });
  });

  it("does not count successful sign-ins against the limits", async () => {
    const user = await createUser(h.db);
    const ip = testIp();
    for (let n = 0; n < 8; n++) {
      expect(
        (await attemptSignIn(h.db, { email: user.email, password: user.password }, { ip, now: t0 }))
          .ok,
      ).toBe(true);
    }
  });
});
