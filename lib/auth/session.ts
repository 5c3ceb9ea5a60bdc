import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { findMembership, type Membership } from "@/lib/orgs/queries";
import { hasRole, type Role } from "@/lib/orgs/roles";
import { auth } from "./auth";

/** The signed-in user's id, or a redirect to sign-in. */
export async function requireUserId(): Promise<string> {
  const session = await auth();
  if (!session?.user?.id) redirect("/sign-in");
  return session.user.id;
}

/**
 * The signed-in user's membership of the organisation in the URL. Not a member (or the role is
 * below `min`) is "not found": another organisation's pages do not exist for them.
 */
export async function requireMembership(
  slug: string,
  min: Role = "viewer",
): Promise<Membership & { userId: string }> {
  const userId = await requireUserId();
  const m = await membershipOf(userId, slug);
  if (!m || !hasRole(m.role, min)) notFound();
  return { ...m, userId };
}

// The portal layout and the page both ask; React's cache() makes it one query per request.
const membershipOf = cache(async (userId: string, slug: string) =>
  findMembership(await getDb(), userId, slug),
);
