import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { sandboxEmails } from "@/db/schema";

/** Messages of one organisation, or with `null` the account mails that belong to none. */
const ofOrg = (orgId: string | null) =>
  orgId === null ? isNull(sandboxEmails.orgId) : eq(sandboxEmails.orgId, orgId);

/** The organisation's sandbox outbox (or, for `null`, the account mailbox), newest first, one page. */
export async function listSandboxEmails(
  db: Db,
  orgId: string | null,
  opts: { limit?: number; offset?: number } = {},
) {
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
      .where(ofOrg(orgId))
      .orderBy(desc(sandboxEmails.createdAt), desc(sandboxEmails.id))
      .limit(limit)
      .offset(opts.offset ?? 0),
    db.select({ n: count() }).from(sandboxEmails).where(ofOrg(orgId)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * One sandbox message of the organisation (or, for `null`, an account mail), or null: another
 * organisation's message is not found, and organisation mail never shows on the account page.
 */
export async function getSandboxEmail(db: Db, orgId: string | null, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select()
    .from(sandboxEmails)
    .where(and(eq(sandboxEmails.id, id), ofOrg(orgId)));
  return row ?? null;
}
