import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { authTokens, memberships, organizations, users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createUser } from "@/db/seed/factories";
import { isAppError } from "@/lib/errors";
import { signUp } from "./sign-up";
import { auditFor, GOOD_PASSWORD, linkToken, mailsTo, rand, testIp } from "./testing";
import type { SignUpInput } from "./schemas";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const input = (over: Partial<SignUpInput> = {}): SignUpInput => ({
  firstName: "Aino",
  lastName: "Virtanen",
  email: `aino-${rand()}@example.test`,
  password: GOOD_PASSWORD,
  orgName: `Kahvila ${rand()} Oy`,
  businessId: "1234567-1",
  ...over,
});
const now = new Date("2026-03-02T10:00:00Z");

describe("signUp", () => {
  it("creates the unverified user, the organisation and the main-user membership, mails a 24-hour link and audits", async () => {
    const i = input();
    const res = await signUp(h.db, i, { ip: testIp(), locale: "fi", now });
    expect(res.status).toBe("created");
    if (res.status !== "created") return;
    const [user] = await h.db.select().from(users).where(eq(users.id, res.userId));
    expect(user).toMatchObject({
      email: i.email,
      firstName: "Aino",
      lastName: "Virtanen",
      emailVerifiedAt: null,
      locale: "fi",
    });
    expect(user!.passwordHash).not.toContain(GOOD_PASSWORD);
    const [org] = await h.db.select().from(organizations).where(eq(organizations.id, res.orgId));
    expect(org).toMatchObject({ name: i.orgName, businessId: "1234567-1", slug: res.slug });
    expect(res.slug).toMatch(/^kahvila-[0-9a-f]{10}-oy$/);
    expect(await h.db.select().from(memberships).where(eq(memberships.userId, res.userId))).toEqual(
      [expect.objectContaining({ orgId: res.orgId, role: "main" })],
    );
    const [token] = await h.db.select().from(authTokens).where(eq(authTokens.userId, res.userId));
    expect(token).toMatchObject({ kind: "verify_email", email: i.email, usedAt: null });
    expect(token!.expiresAt.getTime() - now.getTime()).toBe(24 * 3600_000);
    const mails = await mailsTo(h.db, i.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      orgId: null,
      subject: "Vahvista sähköpostiosoitteesi – Viestikone",
    });
    expect(linkToken(mails[0], "verify")).toHaveLength(43);
    expect((await auditFor(h.db, res.userId)).map((a) => [a.action, a.orgId])).toEqual([
      ["auth.sign_up", res.orgId],
    ]);
  });

  it("is one transaction: when a later step fails, no user, organisation, membership or mail remains", async () => {
    const i = input({ email: `boom-${rand()}@example.test` });
    // Make the verification token (a late step) fail for this address only.
    await h.db.execute(
      sql.raw(`create or replace function fail_token() returns trigger language plpgsql as $$
      begin if new.email = '${i.email}' then raise exception 'boom'; end if; return new; end $$`),
    );
    await h.db.execute(
      sql`create trigger fail_token before insert on auth_tokens for each row execute function fail_token()`,
    );
    try {
      await expect(signUp(h.db, i, { ip: testIp(), locale: "fi", now })).rejects.toThrow();
    } finally {
      await h.db.execute(sql`drop trigger fail_token on auth_tokens`);
    }
    expect(await h.db.select().from(users).where(eq(users.email, i.email))).toHaveLength(0);
    expect(
      await h.db.select().from(organizations).where(eq(organizations.name, i.orgName)),
    ).toHaveLength(0);
    expect(await mailsTo(h.db, i.email)).toHaveLength(0);
  });

  it("gives the same organisation name unique slugs: name, name-2, name-3", async () => {
    const orgName = `Sama Nimi ${rand()} Oy`;
    const slugs = [];
    for (let n = 0; n < 3; n++) {
      const res = await signUp(h.db, input({ orgName }), { ip: testIp(), locale: "fi", now });
      slugs.push(res.status === "created" ? res.slug : "");
    }
    const base = slugs[0]!;
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`]);
  });

  it("an address that already has an account gets a notice; no second account, organisation or link", async () => {
    const existing = await createUser(h.db, { email: `olemassa-${rand()}@example.test` });
    const i = input({ email: existing.email.toUpperCase(), firstName: "Hyökkääjä" });
    const res = await signUp(h.db, i, { ip: testIp(), locale: "en", now });
    expect(res).toEqual({ status: "exists" });
    expect(
      await h.db
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = ${existing.email}`),
    ).toHaveLength(1);
    expect(
      await h.db.select().from(organizations).where(eq(organizations.name, i.orgName)),
    ).toHaveLength(0);
    expect(
      await h.db.select().from(authTokens).where(eq(authTokens.userId, existing.id)),
    ).toHaveLength(0);
    const mails = await mailsTo(h.db, existing.email);
    expect(mails).toHaveLength(1);
    // In the account's own language and name; nothing the other person typed.
    expect(mails[0]!.subject).toBe("Yritys rekisteröityä osoitteellasi – Viestikone");
    expect(mails[0]!.text).toContain("Hei Testi!");
    expect(mails[0]!.text).not.toContain("Hyökkääjä");
  });

  it("refuses a password that breaks the policy and creates nothing", async () => {
    const i = input({ password: "Virtanen2026xx" });
    const err = await signUp(h.db, i, { ip: testIp(), locale: "fi", now }).catch((e) => e);
    expect(isAppError(err) && err.fieldErrors?.password).toEqual(["password.rules.name"]);
    expect(await h.db.select().from(users).where(eq(users.email, i.email))).toHaveLength(0);
  });

  it("limits sign-ups per address: the 4th in an hour is refused with the minutes to wait", async () => {
    const email = `toisto-${rand()}@example.test`;
    for (let n = 0; n < 3; n++)
      await signUp(h.db, input({ email }), { ip: testIp(), locale: "fi", now });
    const err = await signUp(h.db, input({ email }), { ip: testIp(), locale: "fi", now }).catch(
      (e) => e,
    );
    expect(isAppError(err) && err.code).toBe("RATE_LIMITED");
    expect(err.userMessage).toBe("errors.RATE_LIMITED_MINUTES|minutes=60");
  });

  it("limits sign-ups per IP: the 11th in an hour is refused", async () => {
    const ip = testIp();
    for (let n = 0; n < 10; n++) await signUp(h.db, input(), { ip, locale: "fi", now });
    const i = input();
    const err = await signUp(h.db, i, { ip, locale: "fi", now }).catch((e) => e);
    expect(isAppError(err) && err.code).toBe("RATE_LIMITED");
    expect(
      await h.db
        .select()
        .from(users)
        .where(and(eq(users.email, i.email))),
    ).toHaveLength(0);
  });
});
