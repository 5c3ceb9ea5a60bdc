import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db";
import { auditLog, authTokens, memberships, users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { verifyCredentials } from "@/lib/auth/credentials";
import { getInvitationByToken } from "./invitation-accept";
import { registerFromInvitation } from "./invitation-register";
import { inviteMember } from "./invitations";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const PASSWORD = "Kevät-Ilta-2026x";
const address = () => `uusi-${Math.random().toString(36).slice(2)}@example.test`;

async function mailsTo(to: string) {
  return queryRows<{ payload: { orgId: string | null; text: string; subject: string } }>(
    h.db,
    sql`select payload from jobs where name = 'email/message.requested' and lower(payload->>'to') = ${to.toLowerCase()} order by id desc`,
  );
}

async function invited(role: "main" | "editor" | "viewer" = "editor") {
  const org = await createOrg(h.db);
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  const email = address();
  await inviteMember(h.db, {
    orgId: org.id,
    actor: { id: main.id, email: main.email },
    email,
    role,
  });
  const [mail] = await mailsTo(email);
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail!.payload.text)![1]!;
  return { org, email, token };
}

const roleIn = async (orgId: string, userId: string) =>
  (
    await h.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
  )[0]?.role;

describe("registering from an invitation", () => {
  it("with the invited address: a verified account, the invited role, the link used up, audited", async () => {
    const { org, email, token } = await invited("editor");
    const res = await registerFromInvitation(h.db, {
      token,
      firstName: "Eeva",
      lastName: "Esimerkki",
      email,
      password: PASSWORD,
      ip: "10.0.0.1",
    });
    expect(res).toEqual({ slug: org.slug, email, verified: true });
    const user = await verifyCredentials(h.db, email.toUpperCase(), PASSWORD);
    expect(user?.name).toBe("Eeva Esimerkki");
    expect(await roleIn(org.id, user!.id)).toBe("editor");
    expect((await getInvitationByToken(h.db, token))?.status).toBe("used");
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "member.joined")));
    expect(entry).toMatchObject({
      actorId: user!.id,
      ip: "10.0.0.1",
      details: { newAccount: true, verified: true, role: "editor" },
    });
    await expect(
      registerFromInvitation(h.db, {
        token,
        firstName: "Toinen",
        lastName: "Henkilö",
        email: address(),
        password: PASSWORD,
      }),
    ).rejects.toMatchObject({ reason: "used" });
  });

  it("with an edited address: the account waits for e-mail verification (link as an account e-mail)", async () => {
    const { org, token } = await invited("viewer");
    const other = address();
    const res = await registerFromInvitation(h.db, {
      token,
      firstName: "Ville",
      lastName: "Vaihtaja",
      email: other,
      password: PASSWORD,
    });
    expect(res.verified).toBe(false);
    expect(await verifyCredentials(h.db, other, PASSWORD)).toBeNull();
    const [user] = await h.db.select().from(users).where(eq(users.email, other));
    expect(user!.emailVerifiedAt).toBeNull();
    expect(await roleIn(org.id, user!.id)).toBe("viewer");
    const [token2] = await h.db.select().from(authTokens).where(eq(authTokens.userId, user!.id));
    expect(token2).toMatchObject({ kind: "verify_email", email: other, usedAt: null });
    const [mail] = await mailsTo(other);
    expect(mail!.payload.orgId).toBeNull();
    expect(mail!.payload.text).toMatch(/\/verify\/[A-Za-z0-9_-]{43}/);
  });

  it("an address that already has an account is pointed to sign in; the invitation stays usable", async () => {
    const { token } = await invited();
    const existing = await createUser(h.db);
    await expect(
      registerFromInvitation(h.db, {
        token,
        firstName: "Olli",
        lastName: "Olemassa",
        email: existing.email.toUpperCase(),
        password: PASSWORD,
      }),
    ).rejects.toMatchObject({
      userMessage: "errors.ACCOUNT_EXISTS",
      fieldErrors: { email: ["errors.ACCOUNT_EXISTS"] },
    });
    expect((await getInvitationByToken(h.db, token))?.status).toBe("valid");
  });

  it("the password policy is checked on the server, the name rule included, before anything is stored", async () => {
    const { email, token } = await invited();
    await expect(
      registerFromInvitation(h.db, {
        token,
        firstName: "Eeva",
        lastName: "Esimerkki",
        email,
        password: "lyhyt",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { password: expect.arrayContaining(["password.rules.length"]) },
    });
    await expect(
      registerFromInvitation(h.db, {
        token,
        firstName: "Eeva",
        lastName: "Esimerkki",
        email,
        password: "Esimerkki-2026x",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { password: expect.arrayContaining(["password.rules.name"]) },
    });
    expect(await h.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect((await getInvitationByToken(h.db, token))?.status).toBe("valid");
  });
});
