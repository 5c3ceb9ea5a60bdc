import { and, eq, max, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { contacts, registerColumns } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import {
  authorizeActor,
  cleanOptionList,
  columnKey,
  getRegisterOrThrow,
  listColumns,
  type Actor,
  type ColumnInput,
} from "./registers";

async function getColumnOrThrow(db: Db, orgId: string, registerId: string, columnId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(columnId)) throw new AppError("NOT_FOUND");
  const [c] = await db
    .select()
    .from(registerColumns)
    .where(
      and(
        eq(registerColumns.id, columnId),
        eq(registerColumns.registerId, registerId),
        eq(registerColumns.orgId, orgId),
      ),
    );
  if (!c) throw new AppError("NOT_FOUND");
  return c;
}

function cleanOptions(type: string, options: string[] | undefined, label: string) {
  if (type !== "single_choice" && type !== "multi_choice") return [];
  const out = cleanOptionList(options);
  if (!out.length)
    throw new AppError("BAD_REQUEST", {
      userMessage: `registers.errors.optionsRequired|column=${label}`,
    });
  return out;
}

/** Adds a column at the end of a register; existing contacts simply have no value for it. */
export async function addColumn(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  input: ColumnInput,
) {
  await authorizeActor(db, orgId, actor, "editor");
  await getRegisterOrThrow(db, orgId, registerId);
  const label = input.label.trim();
  if (!label) throw new AppError("BAD_REQUEST", { userMessage: "registers.errors.labelRequired" });
  const options = cleanOptions(input.type, input.options, label);
  const existing = await listColumns(db, orgId, registerId);
  const key = columnKey(
    label,
    existing.map((c) => c.key),
  );
  const [{ pos }] = (await db
    .select({ pos: max(registerColumns.position) })
    .from(registerColumns)
    .where(eq(registerColumns.registerId, registerId))) as [{ pos: number | null }];
  const [c] = await db
    .insert(registerColumns)
    .values({
      registerId,
      orgId,
      key,
      label,
      type: input.type,
      required: input.required ?? false,
      helpText: (input.helpText ?? "").trim(),
      options,
      position: (pos ?? -1) + 1,
    })
    .returning();
  return c!;
}

/** Changes a column's label, help text, required flag or options. The key (and data) stay. */
export async function updateColumn(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  columnId: string,
  input: { label: string; required: boolean; helpText?: string; options?: string[] },
) {
  await authorizeActor(db, orgId, actor, "editor");
  const c = await getColumnOrThrow(db, orgId, registerId, columnId);
  const label = input.label.trim();
  if (!label) throw new AppError("BAD_REQUEST", { userMessage: "registers.errors.labelRequired" });
  await db
    .update(registerColumns)
    .set({
      label,
      required: input.required,
      helpText: (input.helpText ?? "").trim(),
      options: cleanOptions(c.type, input.options, label),
    })
    .where(eq(registerColumns.id, c.id));
}

/** Moves a column one place up or down by swapping positions with its neighbour. */
export async function moveColumn(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  columnId: string,
  direction: "up" | "down",
) {
  await authorizeActor(db, orgId, actor, "editor");
  await getColumnOrThrow(db, orgId, registerId, columnId);
  const cols = await listColumns(db, orgId, registerId);
  const i = cols.findIndex((c) => c.id === columnId);
  const j = direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= cols.length) return;
  const order = cols.map((c) => c.id);
  [order[i], order[j]] = [order[j]!, order[i]!];
  await db.transaction(async (tx) => {
    for (const [pos, id] of order.entries())
      await tx.update(registerColumns).set({ position: pos }).where(eq(registerColumns.id, id));
  });
}

/** How many contacts of the register have a value in the column (for the removal prompt). */
export async function countColumnValues(
  db: Db,
  orgId: string,
  registerId: string,
  columnId: string,
) {
  const c = await getColumnOrThrow(db, orgId, registerId, columnId);
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(and(eq(contacts.registerId, registerId), sql`${contacts.data} ? ${c.key}`))) as [
    { n: number },
  ];
  return n;
}

/**
 * Removes a column and its values from every contact of the register in one UPDATE; records
 * `register.column_removed` with the number of values removed.
 */
export async function removeColumn(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  columnId: string,
) {
  await authorizeActor(db, orgId, actor, "editor");
  const c = await getColumnOrThrow(db, orgId, registerId, columnId);
  return db.transaction(async (tx) => {
    // One UPDATE for all contacts; count in the same statement instead of returning every id.
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`with u as (update ${contacts} set data = data - ${c.key}::text
            where register_id = ${registerId} and data ? ${c.key} returning 1)
          select count(*)::int as n from u`,
    );
    const removed = { length: Number(row?.n ?? 0) };
    await tx.delete(registerColumns).where(eq(registerColumns.id, c.id));
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "register.column_removed",
      targetType: "register",
      targetId: registerId,
      ip: actor.ip,
      details: { key: c.key, targetName: c.label, count: removed.length },
    });
    return removed.length;
  });
}
