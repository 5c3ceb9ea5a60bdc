import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { memberships, organizations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { hasRole, type Role } from "./roles";

/**
 * Domain-level role check by ids: not a member of the organisation is NOT_FOUND (it does not
 * exist for them), a lower role is FORBIDDEN. Returns the organisation's status.
 */
export async function requireOrgRole(
  db: Db,
  orgId: string,
  userId: string,
  min: Role,
): Promise<{ role: Role; status: "active" | "suspended" }> {
  const [m] = await db
    .select({ role: memberships.role, status: organizations.status })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  if (!m) throw new AppError("NOT_FOUND");
  if (!hasRole(m.role, min)) throw new AppError("FORBIDDEN");
  return m;
}
