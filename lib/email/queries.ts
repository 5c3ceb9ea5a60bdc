import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { sandboxEmails } from "@/db/schema";

/** The organisation's sandbox outbox, newest first, one page. */
export async function listSandboxEmails(db: Db, orgId: string, opts: { limit?: number; offset?: number } = {}) {
  const limit = Math.min(opts.limit ?? 50, 200);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: sandboxEmails.id,
        toAddress: sandboxEmails.toAddress,
        fromAddress: sandboxEmails.fromAddress,
        subject: sandboxEmails.subject,
        sizeBytes: sandboxEmails.sizeBytes,
        createdAt: sandboxEmails.createdAt,
      })
      .from(sandboxEmails)
      .where(eq(sandboxEmails.orgId, orgId))
      .orderBy(desc(sandboxEmails.createdAt), desc(sandboxEmails.id))
      .limit(limit)
      .offset(opts.offset ?? 0),
    db.select({ n: count() }).from(sandboxEmails).where(eq(sandboxEmails.orgId, orgId)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One sandbox message of the organisation, or null (another organisation's is not found). */
export async function getSandboxEmail(db: Db, orgId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select()
    .from(sandboxEmails)
    .where(and(eq(sandboxEmails.id, id), eq(sandboxEmails.orgId, orgId)));
  return row ?? null;
}
