import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { findUserById } from "@/lib/auth/users";
import { listMemberships, type Membership } from "@/lib/orgs/queries";

export type Profile = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: "fi" | "en";
  /** The new address an open change-of-address link waits for. */
  pendingEmail: string | null;
  orgs: Membership[];
};

/** The signed-in user's own details and organisations (A6), or null for a deleted account. */
export async function getProfile(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<Profile | null> {
  const user = await findUserById(db, userId);
  if (!user) return null;
  const [pending] = await queryRows<{ email: string }>(
    db,
    sql`select email from auth_tokens where user_id = ${userId} and kind = 'change_email' and used_at is null
        and expires_at > ${now.toISOString()}::timestamptz order by created_at desc limit 1`,
  );
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    locale: user.locale,
    pendingEmail: pending?.email ?? null,
    orgs: await listMemberships(db, userId),
  };
}

/** The name shown in the portal header for the signed-in user. */
export async function getDisplayName(db: Db, userId: string): Promise<string> {
  const user = await findUserById(db, userId);
  return user ? `${user.firstName} ${user.lastName}`.trim() || user.email : "";
}
