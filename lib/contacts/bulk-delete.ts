import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { contactDeletions, contacts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError, isAppError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { authorizeActor, getRegisterOrThrow, type Actor } from "@/lib/registers/registers";
import { compileForRegister, countWhere } from "@/lib/segments/segments";
import { matchingContacts } from "./list";

/**
 * Bulk deletion of a register's contacts (R2): "delete the contacts this search and column
 * filter show". Asked for by an editor with the count in front of them; a job deletes in
 * batches that each commit (consent events and links go with their contacts), so a register of
 * a million contacts is emptied without one giant transaction, the progress bar moves, and a
 * rerun after a crash carries on. Only contacts created up to the request are deleted — one
 * added meanwhile is not — and the search and filter are applied again at each batch: a filter
 * that no longer compiles (its column was removed) fails the deletion instead of widening it.
 */
export const DELETE_BATCH = 2000;

export type ContactDeletion = typeof contactDeletions.$inferSelect;
/** Picked contacts (`ids`, at most a page or two), or what a search and a filter select. */
export type DeletionScope = { q?: string; filter?: unknown; ids?: string[] | null };
export const MAX_PICKED = 200;

const hasFilter = (filter: unknown) =>
  Boolean(
    filter &&
    typeof filter === "object" &&
    Array.isArray((filter as { children?: unknown[] }).children) &&
    (filter as { children: unknown[] }).children.length > 0,
  );

/** The contacts a scope selects: the register's contacts matching the search and the filter. */
async function scopeCondition(
  db: Db,
  orgId: string,
  registerId: string,
  scope: DeletionScope,
): Promise<SQL> {
  await getRegisterOrThrow(db, orgId, registerId);
  if (scope.ids) {
    const ids = scope.ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (ids.length === 0 || ids.length > MAX_PICKED || ids.length !== scope.ids.length)
      throw new AppError("BAD_REQUEST", { userMessage: "contacts.bulkDelete.nothing" });
    return sql`${matchingContacts(orgId, registerId)} and ${contacts.id} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`;
  }
  const where = hasFilter(scope.filter)
    ? await compileForRegister(db, orgId, registerId, scope.filter)
    : undefined;
  return matchingContacts(orgId, registerId, { q: scope.q ?? "", where });
}

/** How many contacts a deletion with this scope would delete now (for the confirmation). */
export async function countDeletion(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  scope: DeletionScope,
): Promise<number> {
  await authorizeActor(db, orgId, actor, "editor");
  return countWhere(db, await scopeCondition(db, orgId, registerId, scope));
}

/** Records the deletion and queues its job in one transaction (editors and main users). */
export async function requestDeletion(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  scope: DeletionScope,
): Promise<ContactDeletion> {
  await authorizeActor(db, orgId, actor, "editor");
  const where = await scopeCondition(db, orgId, registerId, scope);
  return db.transaction(async (tx) => {
    const total = await countWhere(tx, where);
    if (total === 0)
      throw new AppError("BAD_REQUEST", { userMessage: "contacts.bulkDelete.nothing" });
    const [row] = await tx
      .insert(contactDeletions)
      .values({
        orgId,
        registerId,
        q: scope.ids ? "" : (scope.q ?? "").trim(),
        filter: !scope.ids && hasFilter(scope.filter) ? scope.filter : null,
        ids: scope.ids ?? null,
        // The transaction's start: the contacts counted above are the ones created up to it.
        before: sql`now()`,
        total,
        createdBy: actor.userId,
      })
      .returning();
    await enqueue(tx, "register/contacts.delete", { orgId, deletionId: row!.id });
    return row!;
  });
}

/**
 * The job: deletes the scope's contacts created up to the request, `batch` at a time, each
 * batch in its own transaction with the progress counter. Finished deletions are left alone.
 */
export async function runDeletion(
  db: Db,
  data: { orgId: string; deletionId: string },
  opts: { batch?: number; afterBatch?: (deleted: number) => void | Promise<void> } = {},
): Promise<ContactDeletion | null> {
  const [d] = await db
    .select()
    .from(contactDeletions)
    .where(and(eq(contactDeletions.id, data.deletionId), eq(contactDeletions.orgId, data.orgId)));
  if (!d || d.status === "done" || d.status === "failed") return d ?? null;
  let where: SQL;
  try {
    where = await scopeCondition(db, d.orgId, d.registerId, {
      q: d.q,
      filter: d.filter,
      ids: d.ids,
    });
  } catch (err) {
    if (!isAppError(err)) throw err;
    return finish(db, d, "failed", "contacts.bulkDelete.scopeGone");
  }
  await db.update(contactDeletions).set({ status: "running" }).where(eq(contactDeletions.id, d.id));
  const batch = opts.batch ?? DELETE_BATCH;
  // Keyset on the list's (created_at, id) index: each batch starts after the last one, so the
  // dead rows of earlier batches are not walked again. The bound is read from the row (a JS
  // Date would drop its microseconds).
  type Key = { id: string; at: string };
  let after: Key | null = null;
  for (;;) {
    const from: Key | null = after;
    const step: { n: number; last: Key } | null = await db.transaction(async (tx) => {
      const picked: Key[] = await queryRows<Key>(
        tx,
        sql`select ${contacts.id} as id, ${contacts.createdAt}::text as at from ${contacts}
            where ${where}
              and ${contacts.createdAt} <= (select ${contactDeletions.before} from ${contactDeletions} where ${contactDeletions.id} = ${d.id})
              ${from ? sql`and (${contacts.createdAt}, ${contacts.id}) > (${from.at}::timestamptz, ${from.id}::uuid)` : sql``}
            order by ${contacts.createdAt}, ${contacts.id}
            limit ${batch}`,
      );
      if (picked.length === 0) return null;
      const [gone]: { n: number }[] = await queryRows<{ n: number }>(
        tx,
        sql`with gone as (
              delete from ${contacts}
              where ${contacts.orgId} = ${d.orgId}
                and ${contacts.id} in (select jsonb_array_elements_text(${JSON.stringify(picked.map((p: Key) => p.id))}::jsonb)::uuid)
              returning 1)
            select count(*)::int as n from gone`,
      );
      const n: number = Number(gone?.n ?? 0);
      if (n > 0)
        await tx
          .update(contactDeletions)
          .set({ deleted: sql`${contactDeletions.deleted} + ${n}` })
          .where(eq(contactDeletions.id, d.id));
      return { n, last: picked[picked.length - 1]! };
    });
    if (!step) break;
    after = step.last;
    await opts.afterBatch?.(step.n);
  }
  return finish(db, d, "done", null);
}

async function finish(
  db: Db,
  d: ContactDeletion,
  status: "done" | "failed",
  error: string | null,
): Promise<ContactDeletion> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contactDeletions)
      .set({ status, error, finishedAt: new Date() })
      .where(eq(contactDeletions.id, d.id))
      .returning();
    if (status === "done")
      await recordAudit(tx, {
        orgId: d.orgId,
        actorId: d.createdBy,
        action: "contact.bulk_deleted",
        targetType: "register",
        targetId: d.registerId,
        details: {
          registerId: d.registerId,
          count: row!.deleted,
          search: d.q !== "",
          filter: d.filter !== null,
          picked: d.ids !== null,
        },
      });
    return row!;
  });
}

/** The register's deletion to show on its page: one running or queued, else the latest of the last 15 minutes. */
export async function currentDeletion(
  db: Db,
  orgId: string,
  registerId: string,
): Promise<ContactDeletion | null> {
  const [row] = await db
    .select()
    .from(contactDeletions)
    .where(
      and(
        eq(contactDeletions.orgId, orgId),
        eq(contactDeletions.registerId, registerId),
        sql`(${contactDeletions.status} in ('queued', 'running') or ${contactDeletions.createdAt} > now() - interval '15 minutes')`,
      ),
    )
    .orderBy(
      sql`${contactDeletions.status} in ('queued', 'running') desc`,
      desc(contactDeletions.createdAt),
    )
    .limit(1);
  return row ?? null;
}

/** Marks a deletion failed after its job gave up (the batches already deleted stay deleted). */
export async function markDeletionFailed(db: Db, data: { orgId: string; deletionId: string }) {
  await db
    .update(contactDeletions)
    .set({ status: "failed", error: "contacts.bulkDelete.failed", finishedAt: new Date() })
    .where(and(eq(contactDeletions.id, data.deletionId), eq(contactDeletions.orgId, data.orgId)));
}
