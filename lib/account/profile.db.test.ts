import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { authTokens, users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createUser } from "@/db/seed/factories";
import { verifyPassword } from "@/lib/auth/password";
import { checkResetLink, requestPasswordReset } from "@/lib/auth/password-reset";
import { auditFor, linkToken, mailsTo, plusMinutes, rand, testIp } from "@/lib/auth/testing";
import { findUserByEmail } from "@/lib/auth/users";
import { openEmailLink } from "@/lib/auth/verify-email";
import { isAppError } from "@/lib/errors";
import { changePassword, requestEmailChange } from "./profile";
import { getProfile } from "./queries";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const t0 = new Date("2026-03-02T10:00:00Z");
const ctx = (now = t0) => ({ ip: testIp(), now });
const NEW = "Uusi-Sala-2026-Zz";
const userRow = async (id: string) => (await h.db.select().from(users).where(eq(users.id, id)))[0]!;

describe("change of e-mail address", () => {
  it("needs the current password", async () => {
    const user = await createUser(h.db);
    const to = `uusi-${rand()}@example.test`;
    const err = await requestEmailChange(
      h.db,
      user.id,
      { email: to, currentPassword: "Vaara-Sala-1" },
      ctx(),
    ).catch((e) => e);
    expect(isAppError(err) && err.fieldErrors).toEqual({
      currentPassword: ["errors.CURRENT_PASSWORD_WRONG"],
    });
    expect(await mailsTo(h.db, to)).toHaveLength(0);
  });

  it("takes effect only when the link sent to the new address is opened; the old address gets a notice", async () => {
    const user = await createUser(h.db);
    const to = `uusi-${rand()}@example.test`;
    await requestEmailChange(h.db, user.id, { email: to, currentPassword: user.password }, ctx());
    expect((await userRow(user.id)).email).toBe(user.email);
    expect((await getProfile(h.db, user.id, t0))?.pendingEmail).toBe(to);
    expect((await mailsTo(h.db, user.email)).map((m) => m.subject)).toEqual([
      "Sähköpostiosoitteesi vaihtoa pyydettiin – Viestikone",
    ]);
    const [link] = await mailsTo(h.db, to);
    expect(await openEmailLink(h.db, linkToken(link, "verify"), ctx(plusMinutes(t0, 30)))).toEqual({
      status: "email_changed",
    });
    expect((await userRow(user.id)).email).toBe(to);
    expect(await findUserByEmail(h.db, user.email)).toBeNull();
    expect((await auditFor(h.db, user.id)).map((a) => a.action)).toEqual([
      "auth.email_change_requested",
      "auth.email_changed",
    ]);
  });

  it("an address that already has an account is not taken: its owner gets a notice and no link exists", async () => {
    const user = await createUser(h.db);
    const other = await createUser(h.db);
    await requestEmailChange(
      h.db,
      user.id,
      { email: other.email, currentPassword: user.password },
      ctx(),
    );
    expect(await h.db.select().from(authTokens).where(eq(authTokens.userId, user.id))).toHaveLength(
      0,
    );
    expect((await mailsTo(h.db, other.email)).map((m) => m.subject)).toEqual([
      "Pyyntö käyttää osoitettasi – Viestikone",
    ]);
    expect((await userRow(user.id)).email).toBe(user.email);
  });

  it("password reset links sent to the old address stop working when the address changes", async () => {
    const user = await createUser(h.db);
    await requestPasswordReset(h.db, user.email, ctx());
    const reset = linkToken((await mailsTo(h.db, user.email)).at(-1), "reset");
    const to = `uusi-${rand()}@example.test`;
    await requestEmailChange(h.db, user.id, { email: to, currentPassword: user.password }, ctx());
    await openEmailLink(
      h.db,
      linkToken((await mailsTo(h.db, to))[0], "verify"),
      ctx(plusMinutes(t0, 1)),
    );
    expect((await checkResetLink(h.db, reset, plusMinutes(t0, 2))).status).toBe("used");
  });

  it("a change link of user A changes only A", async () => {
    const a = await createUser(h.db);
    const b = await createUser(h.db);
    const to = `uusi-${rand()}@example.test`;
    await requestEmailChange(h.db, a.id, { email: to, currentPassword: a.password }, ctx());
    await openEmailLink(
      h.db,
      linkToken((await mailsTo(h.db, to))[0], "verify"),
      ctx(plusMinutes(t0, 1)),
    );
    expect((await userRow(a.id)).email).toBe(to);
    expect((await userRow(b.id)).email).toBe(b.email);
  });
});

describe("change of password", () => {
  it("needs the current password and leaves the old one in place when it is wrong", async () => {
    const user = await createUser(h.db);
    const err = await changePassword(
      h.db,
      user.id,
      { currentPassword: "Vaara-Sala-1", password: NEW },
      ctx(),
    ).catch((e) => e);
    expect(isAppError(err) && err.userMessage).toBe("errors.CURRENT_PASSWORD_WRONG");
    expect(await verifyPassword(user.password, (await userRow(user.id)).passwordHash)).toBe(true);
  });

  it("checks the policy, then changes the password and audits", async () => {
    const user = await createUser(h.db);
    const weak = await changePassword(
      h.db,
      user.id,
      { currentPassword: user.password, password: "lyhyt" },
      ctx(),
    ).catch((e) => e);
    expect(isAppError(weak) && weak.fieldErrors?.password).toContain("password.rules.length");
    await changePassword(h.db, user.id, { currentPassword: user.password, password: NEW }, ctx());
    const hash = (await userRow(user.id)).passwordHash;
    expect(await verifyPassword(NEW, hash)).toBe(true);
    expect(await verifyPassword(user.password, hash)).toBe(false);
    expect((await auditFor(h.db, user.id)).map((a) => a.action)).toEqual(["auth.password_changed"]);
  });

  it("limits wrong current passwords: the 6th guess in 15 minutes is refused even when right", async () => {
    const user = await createUser(h.db);
    for (let n = 0; n < 5; n++)
      await changePassword(
        h.db,
        user.id,
        { currentPassword: `Vaara-${n}`, password: NEW },
        ctx(),
      ).catch(() => null);
    const err = await changePassword(
      h.db,
      user.id,
      { currentPassword: user.password, password: NEW },
      ctx(),
    ).catch((e) => e);
    expect(isAppError(err) && err.code).toBe("RATE_LIMITED");
  });
});
