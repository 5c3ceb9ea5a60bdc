import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import type { Role } from "./roles";
import { changeMemberRole, leaveOrganisation, listMembers, removeMember } from "./members";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const actor = (u: { id: string; email: string }) => ({ id: u.id, email: u.email, ip: "127.0.0.1" });

/** An organisation with one member per given role, in that order. */
async function orgWith(...roles: Role[]) {
  const org = await createOrg(h.db);
  const users = [];
  for (const role of roles) users.push(await createUser(h.db, { orgId: org.id, role }));
  return { org, users };
}

async function roleOf(orgId: string, userId: string) {
  const [m] = await h.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return m?.role ?? null;
}

async function mainCount(orgId: string) {
  const rows = await h.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "main")));
  return rows.length;
}

describe("main-user invariant (A2)", () => {
  it("the last main user cannot be demoted, removed or leave", async () => {
    const {
      org,
      users: [main, editor],
    } = await orgWith("main", "editor");
    await expect(
      changeMemberRole(h.db, {
        orgId: org.id,
        actor: actor(main!),
        userId: main!.id,
        role: "editor",
      }),
    ).rejects.toMatchObject({ userMessage: "errors.LAST_MAIN_USER" });
    await expect(
      removeMember(h.db, { orgId: org.id, actor: actor(main!), userId: main!.id }),
    ).rejects.toMatchObject({ userMessage: "errors.LAST_MAIN_USER" });
    await expect(
      leaveOrganisation(h.db, { orgId: org.id, actor: actor(main!) }),
    ).rejects.toMatchObject({ userMessage: "errors.LAST_MAIN_USER" });
    expect(await roleOf(org.id, main!.id)).toBe("main");
    // The editor can still leave: the invariant is about main users only.
    await leaveOrganisation(h.db, { orgId: org.id, actor: actor(editor!) });
    expect(await roleOf(org.id, editor!.id)).toBeNull();
  });

  it("with two main users one can be demoted, and then the other is the last", async () => {
    const {
      org,
      users: [a, b],
    } = await orgWith("main", "main");
    await changeMemberRole(h.db, {
      orgId: org.id,
      actor: actor(a!),
      userId: b!.id,
      role: "viewer",
    });
    expect(await roleOf(org.id, b!.id)).toBe("viewer");
    await expect(
      changeMemberRole(h.db, { orgId: org.id, actor: actor(a!), userId: a!.id, role: "editor" }),
    ).rejects.toMatchObject({ userMessage: "errors.LAST_MAIN_USER" });
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "member.role_changed")));
    expect(entry).toMatchObject({
      actorId: a!.id,
      targetId: b!.id,
      details: { email: b!.email, from: "main", to: "viewer" },
    });
  });

  it("a main user who is not the last can leave or be removed", async () => {
    const {
      org,
      users: [a, b, c],
    } = await orgWith("main", "main", "main");
    await leaveOrganisation(h.db, { orgId: org.id, actor: actor(c!) });
    await removeMember(h.db, { orgId: org.id, actor: actor(a!), userId: b!.id });
    expect(await mainCount(org.id)).toBe(1);
    const actions = (await h.db.select().from(auditLog).where(eq(auditLog.orgId, org.id)))
      .map((e) => e.action)
      .sort();
    expect(actions).toEqual(["member.left", "member.removed"]);
  });

  it("two concurrent demotions of the only two main users leave exactly one main user", async () => {
    const {
      org,
      users: [a, b],
    } = await orgWith("main", "main");
    const demoteSelf = (u: typeof a) =>
      changeMemberRole(h.db, { orgId: org.id, actor: actor(u!), userId: u!.id, role: "editor" });
    // PostgreSQL: two transactions at once, the row lock on main memberships queues the second.
    // PGlite has one connection, so there they run one after the other; the rule is the same.
    const results =
      h.kind === "pglite"
        ? [await demoteSelf(a).then(ok, ko), await demoteSelf(b).then(ok, ko)]
        : await Promise.all([demoteSelf(a).then(ok, ko), demoteSelf(b).then(ok, ko)]);
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "errors.LAST_MAIN_USER")).toHaveLength(1);
    expect(await mainCount(org.id)).toBe(1);
  });

  it("two main users demoting each other at once cannot both succeed", async () => {
    const {
      org,
      users: [a, b],
    } = await orgWith("main", "main");
    const demote = (by: typeof a, who: typeof a) =>
      changeMemberRole(h.db, {
        orgId: org.id,
        actor: actor(by!),
        userId: who!.id,
        role: "viewer",
      }).then(ok, ko);
    const results =
      h.kind === "pglite"
        ? [await demote(a, b), await demote(b, a)]
        : await Promise.all([demote(a, b), demote(b, a)]);
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(await mainCount(org.id)).toBe(1);
  });
});

const ok = () => "ok";
const ko = (e: { userMessage?: string }) => e.userMessage ?? String(e);

describe("role checks", () => {
  it("editors and viewers cannot change roles or remove members", async () => {
    const {
      org,
      users: [main, editor, viewer],
    } = await orgWith("main", "editor", "viewer");
    for (const who of [editor!, viewer!]) {
      await expect(
        changeMemberRole(h.db, { orgId: org.id, actor: actor(who), userId: who.id, role: "main" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        changeMemberRole(h.db, {
          orgId: org.id,
          actor: actor(who),
          userId: main!.id,
          role: "viewer",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        removeMember(h.db, { orgId: org.id, actor: actor(who), userId: main!.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await roleOf(org.id, editor!.id)).toBe("editor");
    expect(await roleOf(org.id, viewer!.id)).toBe("viewer");
    expect(await roleOf(org.id, main!.id)).toBe("main");
  });

  it("a main user can promote a viewer to main, after which the first can step down", async () => {
    const {
      org,
      users: [main, viewer],
    } = await orgWith("main", "viewer");
    await changeMemberRole(h.db, {
      orgId: org.id,
      actor: actor(main!),
      userId: viewer!.id,
      role: "main",
    });
    await changeMemberRole(h.db, {
      orgId: org.id,
      actor: actor(main!),
      userId: main!.id,
      role: "editor",
    });
    expect(await roleOf(org.id, main!.id)).toBe("editor");
    expect(await roleOf(org.id, viewer!.id)).toBe("main");
  });
});

describe("cross-organisation", () => {
  it("a main user of A cannot change or remove members of B, by B's ids or through A", async () => {
    const a = await orgWith("main");
    const b = await orgWith("main", "editor");
    const [mainA] = a.users;
    const [mainB, editorB] = b.users;
    // Acting on organisation B directly: not a member there → not found.
    await expect(
      changeMemberRole(h.db, {
        orgId: b.org.id,
        actor: actor(mainA!),
        userId: editorB!.id,
        role: "main",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      removeMember(h.db, { orgId: b.org.id, actor: actor(mainA!), userId: editorB!.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      leaveOrganisation(h.db, { orgId: b.org.id, actor: actor(mainA!) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Through their own organisation with B's user ids: those users do not exist in A.
    await expect(
      changeMemberRole(h.db, {
        orgId: a.org.id,
        actor: actor(mainA!),
        userId: mainB!.id,
        role: "viewer",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      removeMember(h.db, { orgId: a.org.id, actor: actor(mainA!), userId: editorB!.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await roleOf(b.org.id, mainB!.id)).toBe("main");
    expect(await roleOf(b.org.id, editorB!.id)).toBe("editor");
    expect((await listMembers(h.db, a.org.id)).map((m) => m.userId)).toEqual([mainA!.id]);
  });
});
