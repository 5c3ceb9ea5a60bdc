import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { setOrganizationSuspended } from "./service";

// The real orgAction wrapper with a signed-in user: only the session and the request's IP are stubbed.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (session.user ? { user: session.user } : null),
}));
vi.mock("@/lib/security/request", () => ({ clientIp: async () => "192.0.2.10" }));
const { orgAction } = await import("@/lib/action");

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

describe("a suspended organisation cannot act", () => {
  it("orgAction-wrapped actions are refused while suspended and work again after unsuspend", async () => {
    const org = await createOrg(h.db);
    const main = await createUser(h.db, { orgId: org.id, role: "main" });
    const op = await createUser(h.db);
    await h.db.update(users).set({ isOperator: true }).where(eq(users.id, op.id));
    const opActor = { operatorId: op.id, operatorEmail: op.email, ip: null };
    let sends = 0;
    const send = orgAction({ schema: z.object({}), role: "editor" }, async () => ++sends);
    const fixBilling = orgAction(
      { schema: z.object({}), role: "main", allowSuspended: true },
      async () => "ok",
    );
    const form = () => {
      const fd = new FormData();
      fd.set("org", org.slug);
      return fd;
    };
    session.user = { id: main.id, email: main.email };

    expect(await send(null, form())).toMatchObject({ ok: true, data: 1 });
    await setOrganizationSuspended(h.db, opActor, org.id, true);
    expect(await send(null, form())).toMatchObject({ ok: false, error: "errors.SUSPENDED" });
    expect(sends).toBe(1);
    expect(await fixBilling(null, form())).toMatchObject({ ok: true, data: "ok" });
    await setOrganizationSuspended(h.db, opActor, org.id, false);
    expect(await send(null, form())).toMatchObject({ ok: true, data: 2 });
  });
});
