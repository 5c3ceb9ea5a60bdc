import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { memberships } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hasRole, type Role } from "./roles";

/** Who does something, for authorization and the audit log. */
export type Actor = { id: string; email: string; ip?: string | null };

/**
 * The actor's role in the organisation, read in the caller's transaction. Not a member →
 * NOT_FOUND (another organisation does not exist for them); role below `min` → FORBIDDEN.
 * Domain functions call it even though `orgAction` already checked: the check and the change
 * then see the same committed state (a main user demoted a moment ago cannot act as one).
 */
export async function authorizeMember(
  db: Db,
  opts: { orgId: string; userId: string; min: Role },
): Promise<Role> {
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, opts.orgId), eq(memberships.userId, opts.userId)))
    .limit(1);
  if (!m) throw new AppError("NOT_FOUND");
  if (!hasRole(m.role, opts.min)) throw new AppError("FORBIDDEN");
  return m.role;
}

/**
 * Locks the organisation's main-user memberships (`FOR UPDATE`) and returns their user ids.
 * Every change that can take away a main user runs this first in its transaction, so two
 * concurrent demotions queue up and the second one sees the first one's result (A2).
 */
export async function lockMainUsers(tx: Db, orgId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    tx,
    sql`select user_id from memberships where org_id = ${orgId} and role = 'main' order by user_id for update`,
  );
  return rows.map((r) => r.user_id);
}

/** Refuses when `userId` is the only main user in `mainIds` (the organisation would have none). */
export function assertNotLastMainUser(mainIds: string[], userId: string): void {
  if (mainIds.includes(userId) && mainIds.length <= 1) {
    throw new AppError("CONFLICT", { userMessage: "errors.LAST_MAIN_USER" });
  }
}
