import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createUser } from "@/db/seed/factories";
import { isAppError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { checkResetLink, requestPasswordReset, resetPassword } from "./password-reset";
import { auditFor, linkToken, mailsTo, plusMinutes, rand, testIp } from "./testing";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const t0 = new Date("2026-03-02T10:00:00Z");
const ctx = (now: Date) => ({ ip: testIp(), now });
const NEW = "Uusi-Sala-2026-Zz";

async function userWithLink(at = t0) {
  const user = await createUser(h.db, { email: `palauta-${rand()}@example.test` });
  expect(await requestPasswordReset(h.db, user.email, ctx(at))).toEqual({ sent: true });
  const mails = await mailsTo(h.db, user.email);
  return { user, token: linkToken(mails.at(-1), "reset") };
}
const hashOf = async (id: string) =>
  (await h.db.select().from(users).where(eq(users.id, id)))[0]!.passwordHash;

describe("password reset", () => {
  it("works for exactly one hour: valid at 59:59, expired at 60:00 with the password unchanged", async () => {
    const { user, token } = await userWithLink();
    expect(
      (await checkResetLink(h.db, token, new Date(t0.getTime() + 3600_000 - 1000))).status,
    ).toBe("valid");
    expect(await checkResetLink(h.db, token, plusMinutes(t0, 60))).toEqual({ status: "expired" });
    expect(await resetPassword(h.db, { token, password: NEW }, ctx(plusMinutes(t0, 60)))).toEqual({
      status: "expired",
    });
    expect(await verifyPassword(user.password, await hashOf(user.id))).toBe(true);
  });

  it("sets the new password once; the link cannot be used again; audited", async () => {
    const { user, token } = await userWithLink();
    expect(await resetPassword(h.db, { token, password: NEW }, ctx(plusMinutes(t0, 10)))).toEqual({
      status: "valid",
    });
    const hash = await hashOf(user.id);
    expect(await verifyPassword(NEW, hash)).toBe(true);
    expect(await verifyPassword(user.password, hash)).toBe(false);
    expect(
      await resetPassword(
        h.db,
        { token, password: "Kolmas-Sala-2026-Yy" },
        ctx(plusMinutes(t0, 11)),
      ),
    ).toEqual({ status: "used" });
    expect(await verifyPassword(NEW, await hashOf(user.id))).toBe(true);
    expect((await auditFor(h.db, user.id)).map((a) => a.action)).toEqual([
      "auth.password_reset_requested",
      "auth.password_reset",
    ]);
  });

  it("a newer link invalidates older ones, and using one uses up the rest", async () => {
    const { user, token: first } = await userWithLink();
    await requestPasswordReset(h.db, user.email, ctx(plusMinutes(t0, 5)));
    const second = linkToken((await mailsTo(h.db, user.email)).at(-1), "reset");
    expect(second).not.toBe(first);
    expect((await checkResetLink(h.db, first, plusMinutes(t0, 6))).status).toBe("used");
    expect(
      (await resetPassword(h.db, { token: first, password: NEW }, ctx(plusMinutes(t0, 6)))).status,
    ).toBe("used");
    expect(
      (await resetPassword(h.db, { token: second, password: NEW }, ctx(plusMinutes(t0, 7)))).status,
    ).toBe("valid");
  });

  it("checks the policy against the account's names and keeps the link usable after a refusal", async () => {
    const { user, token } = await userWithLink();
    // createUser's account is "Testi Käyttäjä": "tes", "est" and "sti" may not appear.
    const err = await resetPassword(
      h.db,
      { token, password: "Qsitestipu-2026" },
      ctx(plusMinutes(t0, 1)),
    ).catch((e) => e);
    expect(isAppError(err) && err.fieldErrors?.password).toEqual(["password.rules.name"]);
    expect(
      (await resetPassword(h.db, { token, password: NEW }, ctx(plusMinutes(t0, 2)))).status,
    ).toBe("valid");
    expect(await verifyPassword(NEW, await hashOf(user.id))).toBe(true);
  });

  it("mails nothing to an unknown address", async () => {
    const email = `tuntematon-${rand()}@example.test`;
    expect(await requestPasswordReset(h.db, email, ctx(t0))).toEqual({ sent: false });
    expect(await mailsTo(h.db, email)).toHaveLength(0);
  });

  it("a token of user A resets only A's password", async () => {
    const a = await userWithLink();
    const b = await createUser(h.db);
    const bHash = await hashOf(b.id);
    await resetPassword(h.db, { token: a.token, password: NEW }, ctx(plusMinutes(t0, 1)));
    expect(await hashOf(b.id)).toBe(bHash);
    expect(await verifyPassword(NEW, await hashOf(a.user.id))).toBe(true);
  });

  it("limits requests per address: the 4th in an hour is refused with minutes", async () => {
    const user = await createUser(h.db);
    for (let n = 0; n < 3; n++) await requestPasswordReset(h.db, user.email, ctx(t0));
    const err = await requestPasswordReset(h.db, user.email, ctx(plusMinutes(t0, 30))).catch(
      (e) => e,
    );
    expect(isAppError(err) && err.userMessage).toBe("errors.RATE_LIMITED_MINUTES|minutes=30");
    expect(await mailsTo(h.db, user.email)).toHaveLength(3);
  });
});
