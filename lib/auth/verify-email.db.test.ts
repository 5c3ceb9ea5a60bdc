import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { isAppError } from "@/lib/errors";
import { signUp } from "./sign-up";
import { auditFor, GOOD_PASSWORD, linkToken, mailsTo, plusMinutes, rand, testIp } from "./testing";
import { openEmailLink, resendVerification } from "./verify-email";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const t0 = new Date("2026-03-02T10:00:00Z");
const ctx = (now: Date) => ({ ip: testIp(), now });

/** Signs a new person up at t0 and returns their id, address and verification token. */
async function newAccount() {
  const email = `vahvista-${rand()}@example.test`;
  const res = await signUp(
    h.db,
    {
      firstName: "Aino",
      lastName: "Virtanen",
      email,
      password: GOOD_PASSWORD,
      orgName: `Org ${rand()}`,
      businessId: "1234567-1",
    },
    { ip: testIp(), locale: "fi", now: t0 },
  );
  if (res.status !== "created") throw new Error("not created");
  const token = linkToken((await mailsTo(h.db, email))[0], "verify");
  return { userId: res.userId, email, token };
}
const verifiedAt = async (id: string) =>
  (await h.db.select().from(users).where(eq(users.id, id)))[0]!.emailVerifiedAt;

describe("openEmailLink (verification)", () => {
  it("verifies the address within 24 hours, once, and audits", async () => {
    const a = await newAccount();
    const at = plusMinutes(t0, 24 * 60 - 1);
    expect(await openEmailLink(h.db, a.token, ctx(at))).toEqual({ status: "verified" });
    expect(await verifiedAt(a.userId)).toEqual(at);
    expect(await openEmailLink(h.db, a.token, ctx(plusMinutes(at, 0.5)))).toEqual({
      status: "used",
      alreadyVerified: true,
    });
    expect(
      (await auditFor(h.db, a.userId)).filter((e) => e.action === "auth.email_verified"),
    ).toHaveLength(1);
  });

  it("refuses the link at exactly 24 hours and leaves the account unverified", async () => {
    const a = await newAccount();
    expect(await openEmailLink(h.db, a.token, ctx(plusMinutes(t0, 24 * 60)))).toEqual({
      status: "expired",
    });
    expect(await verifiedAt(a.userId)).toBeNull();
  });

  it("knows nothing of made-up or malformed tokens", async () => {
    expect(await openEmailLink(h.db, "A".repeat(43), ctx(t0))).toEqual({ status: "unknown" });
    expect(await openEmailLink(h.db, "../../etc", ctx(t0))).toEqual({ status: "unknown" });
  });

  it("a token of user A verifies only A, never B", async () => {
    const a = await newAccount();
    const b = await newAccount();
    expect((await openEmailLink(h.db, a.token, ctx(plusMinutes(t0, 5)))).status).toBe("verified");
    expect(await verifiedAt(a.userId)).not.toBeNull();
    expect(await verifiedAt(b.userId)).toBeNull();
  });
});

describe("resendVerification", () => {
  it("sends at most one mail per 15 minutes per address (the sign-up mail counts), and the new link works", async () => {
    const a = await newAccount();
    expect(await resendVerification(h.db, a.email, ctx(plusMinutes(t0, 14)))).toEqual({
      sent: false,
    });
    expect(await resendVerification(h.db, a.email.toUpperCase(), ctx(plusMinutes(t0, 16)))).toEqual(
      { sent: true },
    );
    expect(await resendVerification(h.db, a.email, ctx(plusMinutes(t0, 20)))).toEqual({
      sent: false,
    });
    const mails = await mailsTo(h.db, a.email);
    expect(mails).toHaveLength(2);
    expect(
      (await openEmailLink(h.db, linkToken(mails[1], "verify"), ctx(plusMinutes(t0, 21)))).status,
    ).toBe("verified");
  });

  it("mails nothing to unknown or already verified addresses", async () => {
    const unknown = `ei-ole-${rand()}@example.test`;
    expect(await resendVerification(h.db, unknown, ctx(t0))).toEqual({ sent: false });
    expect(await mailsTo(h.db, unknown)).toHaveLength(0);
    const a = await newAccount();
    await openEmailLink(h.db, a.token, ctx(plusMinutes(t0, 1)));
    expect(await resendVerification(h.db, a.email, ctx(plusMinutes(t0, 30)))).toEqual({
      sent: false,
    });
    expect(await mailsTo(h.db, a.email)).toHaveLength(1);
  });

  it("is rate-limited per IP: the 11th request in 15 minutes is refused with minutes", async () => {
    const ip = testIp();
    for (let n = 0; n < 10; n++)
      await resendVerification(h.db, `x-${rand()}@example.test`, { ip, now: t0 });
    const err = await resendVerification(h.db, `x-${rand()}@example.test`, { ip, now: t0 }).catch(
      (e) => e,
    );
    expect(isAppError(err) && err.userMessage).toBe("errors.RATE_LIMITED_MINUTES|minutes=15");
  });
});
