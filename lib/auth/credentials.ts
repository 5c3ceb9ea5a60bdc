import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { dummyHash, verifyPassword } from "./password";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: "fi" | "en";
  isOperator: boolean;
};

/**
 * Checks an e-mail address (case-insensitive) and password. Returns the user, or null for an
 * unknown address, a wrong password or an unverified address — indistinguishable to the caller.
 */
export async function verifyCredentials(
  db: Db,
  email: string,
  password: string,
): Promise<SessionUser | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok || !user.emailVerifiedAt) return null;
  return {
    id: user.id,
    email: user.email,
    name: `${user.firstName} ${user.lastName}`.trim(),
    locale: user.locale,
    isOperator: user.isOperator,
  };
}
