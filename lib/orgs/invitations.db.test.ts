import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db";
import { auditLog, invitations, memberships } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { acceptInvitation, getInvitationByToken } from "./invitation-accept";
import { INVITATION_SUBJECT } from "./invitation-email";
import {
  INVITATION_VALID_MS,
  inviteMember,
  listPendingInvitations,
  resendInvitation,
  revokeInvitation,
} from "./invitations";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date("2026-03-02T08:00:00Z");
const actor = (u: { id: string; email: string }) => ({ id: u.id, email: u.email, ip: "127.0.0.1" });
const address = () => `kutsuttu-${Math.random().toString(36).slice(2)}@example.test`;

/** An organisation with a main user, plus optional other members. */
async function setup() {
  const org = await createOrg(h.db);
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  return { org, main };
}

type Mail = { orgId: string | null; to: string; subject: string; text: string; html: string };
/** The e-mails queued to an address, newest first (the job payloads the runner would send). */
async function mailsTo(to: string): Promise<Mail[]> {
  const rows = await queryRows<{ payload: Mail }>(
    h.db,
    sql`select payload from jobs where name = 'email/message.requested' and payload->>'to' = ${to} order by id desc`,
  );
  return rows.map((r) => r.payload);
}
/** The token in the newest invitation e-mail to an address. */
async function tokenFor(to: string): Promise<string> {
  const [mail] = await mailsTo(to);
  const m = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail!.text);
  return m![1]!;
}

async function invite(
  opts: { email?: string; role?: "main" | "editor" | "viewer"; now?: Date } = {},
) {
  const s = await setup();
  const email = opts.email ?? address();
  const res = await inviteMember(h.db, {
    orgId: s.org.id,
    actor: actor(s.main),
    email,
    role: opts.role ?? "editor",
    now: opts.now ?? T0,
  });
  return { ...s, email, ...res, token: await tokenFor(email) };
}

describe("inviting", () => {
  it("stores the invitation for 7 days, e-mails a trilingual link in the org's outbox, and audits", async () => {
    const { org, main, email, invitationId, token } = await invite({ role: "viewer" });
    const [inv] = await h.db.select().from(invitations).where(eq(invitations.id, invitationId));
    expect(inv!.expiresAt.getTime() - T0.getTime()).toBe(INVITATION_VALID_MS);
    expect(inv!.tokenHash).not.toContain(token);
    const [mail] = await mailsTo(email);
    expect(mail!.orgId).toBe(org.id);
    expect(mail!.subject).toBe(INVITATION_SUBJECT);
    expect(mail!.text).toContain("voimassa 7 päivää");
    expect(mail!.text).toContain("giltig i 7 dagar");
    expect(mail!.text).toContain("valid for 7 days");
    expect(mail!.text).toContain(org.name);
    expect(mail!.text).toContain("katselija");
    expect(mail!.text).toContain("Testi Käyttäjä");
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "member.invited")));
    expect(entry).toMatchObject({
      actorId: main.id,
      targetId: invitationId,
      details: { email, role: "viewer", renewed: false },
    });
    expect((await listPendingInvitations(h.db, org.id)).map((i) => i.email)).toEqual([email]);
  });

  it("refuses an address that is already a member (any letter case)", async () => {
    const { org, main } = await setup();
    const member = await createUser(h.db, { orgId: org.id, role: "viewer" });
    await expect(
      inviteMember(h.db, {
        orgId: org.id,
        actor: actor(main),
        email: member.email.toUpperCase(),
        role: "editor",
      }),
    ).rejects.toMatchObject({ userMessage: "errors.ALREADY_MEMBER" });
    expect(await listPendingInvitations(h.db, org.id)).toEqual([]);
  });

  it("inviting an address with an open invitation renews it: one invitation, new link and role, old link dead", async () => {
    const { org, main, email, invitationId, token: oldToken } = await invite({ role: "viewer" });
    const later = new Date(T0.getTime() + 3 * DAY);
    const again = await inviteMember(h.db, {
      orgId: org.id,
      actor: actor(main),
      email: email.toUpperCase(),
      role: "editor",
      now: later,
    });
    expect(again).toEqual({ invitationId, renewed: true });
    const pending = await listPendingInvitations(h.db, org.id);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      role: "editor",
      expiresAt: new Date(later.getTime() + INVITATION_VALID_MS),
    });
    expect(await getInvitationByToken(h.db, oldToken, later)).toBeNull();
    expect(
      (await getInvitationByToken(h.db, await tokenFor(email.toUpperCase()), later))?.status,
    ).toBe("valid");
  });
});

describe("the link", () => {
  it("works on day 7 minus a minute and is refused as expired on day 8", async () => {
    const { token } = await invite();
    const user = await createUser(h.db);
    const almost = new Date(T0.getTime() + 7 * DAY - MINUTE);
    expect((await getInvitationByToken(h.db, token, almost))?.status).toBe("valid");
    const day8 = new Date(T0.getTime() + 7 * DAY + MINUTE);
    expect((await getInvitationByToken(h.db, token, day8))?.status).toBe("expired");
    await expect(
      acceptInvitation(h.db, { token, userId: user.id, now: day8 }),
    ).rejects.toMatchObject({ reason: "expired", userMessage: "errors.INVITATION_EXPIRED" });
    await acceptInvitation(h.db, { token, userId: user.id, now: almost });
  });

  it("is single use: the second acceptance is refused as used", async () => {
    const { org, token } = await invite({ role: "viewer" });
    const first = await createUser(h.db);
    const second = await createUser(h.db);
    expect(await acceptInvitation(h.db, { token, userId: first.id, now: T0 })).toEqual({
      slug: org.slug,
    });
    await expect(
      acceptInvitation(h.db, { token, userId: second.id, now: T0 }),
    ).rejects.toMatchObject({ reason: "used" });
    const members = await h.db.select().from(memberships).where(eq(memberships.orgId, org.id));
    expect(members.find((m) => m.userId === first.id)?.role).toBe("viewer");
    expect(members.find((m) => m.userId === second.id)).toBeUndefined();
    expect((await getInvitationByToken(h.db, token, T0))?.status).toBe("used");
    const [joined] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "member.joined")));
    expect(joined).toMatchObject({
      actorId: first.id,
      details: { email: first.email, role: "viewer", newAccount: false },
    });
  });

  it("two simultaneous acceptances: exactly one joins", async () => {
    const { org, token } = await invite();
    const [u1, u2] = [await createUser(h.db), await createUser(h.db)];
    const accept = (id: string) =>
      acceptInvitation(h.db, { token, userId: id, now: T0 }).then(
        () => "ok",
        (e) => e.reason,
      );
    const results =
      h.kind === "pglite"
        ? [await accept(u1.id), await accept(u2.id)]
        : await Promise.all([accept(u1.id), accept(u2.id)]);
    expect(results.sort()).toEqual(["ok", "used"]);
    expect(await h.db.select().from(memberships).where(eq(memberships.orgId, org.id))).toHaveLength(
      2,
    );
  });

  it("a revoked invitation is refused and leaves the pending list; it cannot be revoked or re-sent again", async () => {
    const { org, main, invitationId, token } = await invite();
    await revokeInvitation(h.db, { orgId: org.id, actor: actor(main), invitationId, now: T0 });
    const user = await createUser(h.db);
    await expect(acceptInvitation(h.db, { token, userId: user.id, now: T0 })).rejects.toMatchObject(
      { reason: "revoked" },
    );
    expect(await listPendingInvitations(h.db, org.id)).toEqual([]);
    await expect(
      resendInvitation(h.db, { orgId: org.id, actor: actor(main), invitationId }),
    ).rejects.toMatchObject({ userMessage: "errors.INVITATION_CLOSED" });
    const actions = (await h.db.select().from(auditLog).where(eq(auditLog.orgId, org.id))).map(
      (e) => e.action,
    );
    expect(actions).toContain("member.invitation_revoked");
  });

  it("re-sending renews: new 7 days from the re-send, new link, the old link no longer works", async () => {
    const { org, main, email, invitationId, token } = await invite();
    const day10 = new Date(T0.getTime() + 10 * DAY);
    expect((await getInvitationByToken(h.db, token, day10))?.status).toBe("expired");
    const res = await resendInvitation(h.db, {
      orgId: org.id,
      actor: actor(main),
      invitationId,
      now: day10,
    });
    expect(res.expiresAt).toEqual(new Date(day10.getTime() + INVITATION_VALID_MS));
    expect(await mailsTo(email)).toHaveLength(2);
    expect(await getInvitationByToken(h.db, token, day10)).toBeNull();
    const fresh = await tokenFor(email);
    const user = await createUser(h.db);
    await acceptInvitation(h.db, {
      token: fresh,
      userId: user.id,
      now: new Date(day10.getTime() + 7 * DAY - MINUTE),
    });
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "member.invitation_resent")))
      .orderBy(desc(auditLog.id));
    expect(entry).toMatchObject({ actorId: main.id, targetId: invitationId });
  });

  it("an existing member opening a link is told so and the invitation stays open", async () => {
    const { org, token } = await invite();
    const member = await createUser(h.db, { orgId: org.id, role: "viewer" });
    await expect(
      acceptInvitation(h.db, { token, userId: member.id, now: T0 }),
    ).rejects.toMatchObject({ userMessage: "errors.ALREADY_MEMBER_SELF" });
    expect((await getInvitationByToken(h.db, token, T0))?.status).toBe("valid");
  });

  it("an unknown token is not found", async () => {
    const user = await createUser(h.db);
    expect(await getInvitationByToken(h.db, "x".repeat(43))).toBeNull();
    await expect(
      acceptInvitation(h.db, { token: "x".repeat(43), userId: user.id }),
    ).rejects.toMatchObject({ userMessage: "errors.INVITATION_INVALID" });
  });
});

describe("role checks and other organisations", () => {
  it("editors and viewers cannot invite, re-send or revoke", async () => {
    const { org, invitationId } = await invite();
    for (const role of ["editor", "viewer"] as const) {
      const u = await createUser(h.db, { orgId: org.id, role });
      await expect(
        inviteMember(h.db, { orgId: org.id, actor: actor(u), email: address(), role: "main" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        resendInvitation(h.db, { orgId: org.id, actor: actor(u), invitationId }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        revokeInvitation(h.db, { orgId: org.id, actor: actor(u), invitationId }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await listPendingInvitations(h.db, org.id)).toHaveLength(1);
  });

  it("a main user of A cannot invite into B, nor re-send or revoke B's invitations by id", async () => {
    const a = await setup();
    const b = await invite();
    await expect(
      inviteMember(h.db, { orgId: b.org.id, actor: actor(a.main), email: address(), role: "main" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      revokeInvitation(h.db, {
        orgId: b.org.id,
        actor: actor(a.main),
        invitationId: b.invitationId,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Through A, with B's invitation id: it does not exist in A.
    await expect(
      revokeInvitation(h.db, {
        orgId: a.org.id,
        actor: actor(a.main),
        invitationId: b.invitationId,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      resendInvitation(h.db, {
        orgId: a.org.id,
        actor: actor(a.main),
        invitationId: b.invitationId,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listPendingInvitations(h.db, a.org.id)).toEqual([]);
    expect((await getInvitationByToken(h.db, b.token, T0))?.status).toBe("valid");
    expect(await mailsTo(b.email)).toHaveLength(1);
  });
});
