import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { memberships, organizations } from "@/db/schema";
import type { Role } from "./roles";

const membershipColumns = {
  orgId: organizations.id,
  slug: organizations.slug,
  name: organizations.name,
  role: memberships.role,
  status: organizations.status,
};

export type Membership = {
  orgId: string;
  slug: string;
  name: string;
  role: Role;
  status: "active" | "suspended";
};

/** The user's membership in the organisation with this slug, or null (not a member = not found). */
export async function findMembership(
  db: Db,
  userId: string,
  slug: string,
): Promise<Membership | null> {
  const [row] = await db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(organizations.slug, slug)))
    .limit(1);
  return row ?? null;
}

/** Every organisation the user belongs to, by name (for the switcher). */
export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  return db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}
