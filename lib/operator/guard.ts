import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** True when the user is a platform operator, read from the database (a revoked flag counts at once). */
export async function isOperator(db: Db, userId: string | null | undefined): Promise<boolean> {
  if (!userId) return false;
  const [u] = await db.select({ op: users.isOperator }).from(users).where(eq(users.id, userId));
  return u?.op === true;
}

/**
 * Refuses anyone who is not an operator with NOT_FOUND: to ordinary users the operator area
 * does not exist. Every operator domain function calls this first.
 */
export async function assertOperator(db: Db, userId: string | null | undefined): Promise<void> {
  if (!(await isOperator(db, userId))) throw new AppError("NOT_FOUND");
}
