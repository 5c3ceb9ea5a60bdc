import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { contacts, registerColumns, registers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { authorizeMember } from "@/lib/orgs/authorize";
import type { Role } from "@/lib/orgs/roles";
import type { ColumnType } from "./values";

export type Actor = { userId: string; userEmail: string; ip?: string | null };
export type Register = typeof registers.$inferSelect;
export type RegisterColumn = typeof registerColumns.$inferSelect;
export type ColumnInput = {
  label: string;
  type: ColumnType;
  required?: boolean;
  helpText?: string;
  options?: string[];
};

const CHOICE: ColumnType[] = ["single_choice", "multi_choice"];

/** Re-checks the actor's role in the organisation (NOT_FOUND for non-members, FORBIDDEN below). */
export async function authorizeActor(db: Db, orgId: string, actor: Actor, min: Role) {
  await authorizeMember(db, { orgId, userId: actor.userId, min });
}

/** Loads a register of the organisation, or NOT_FOUND (also for another organisation's id). */
export async function getRegisterOrThrow(db: Db, orgId: string, registerId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(registerId)) throw new AppError("NOT_FOUND");
  const [r] = await db
    .select()
    .from(registers)
    .where(and(eq(registers.id, registerId), eq(registers.orgId, orgId)));
  if (!r) throw new AppError("NOT_FOUND");
  return r;
}

/** The organisation's registers with their contact counts, newest first. */
export async function listRegisters(db: Db, orgId: string) {
  return db
    .select({
      id: registers.id,
      name: registers.name,
      description: registers.description,
      createdAt: registers.createdAt,
      // Index-only count on contacts_register_created_idx; fine for the list of a few registers.
      contactCount: sql<number>`(select count(*)::int from contacts c where c.register_id = "registers"."id")`,
    })
    .from(registers)
    .where(eq(registers.orgId, orgId))
    .orderBy(desc(registers.createdAt), desc(registers.id));
}

/** The custom columns of a register (already org-checked by the caller), in display order. */
export async function listColumns(db: Db, orgId: string, registerId: string) {
  return db
    .select()
    .from(registerColumns)
    .where(and(eq(registerColumns.registerId, registerId), eq(registerColumns.orgId, orgId)))
    .orderBy(asc(registerColumns.position), asc(registerColumns.createdAt));
}

/** A slug key for a label, unique among `taken` ("asuinkaupunki", "asuinkaupunki_2"). */
/**
 * A choice column's options: trimmed, unique, non-empty, without control characters (U+001F
 * separates options in contact_facets, db/schema/facet-slots.ts).
 */
export function cleanOptionList(options: string[] | undefined): string[] {
  const clean = (options ?? []).map((o) => o.replace(/[\u0000-\u001f\u007f]/g, "").trim());
  return [...new Set(clean.filter(Boolean))];
}

export function columnKey(label: string, taken: Iterable<string>): string {
  const base =
    label
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "column";
  const used = new Set(taken);
  let key = base;
  for (let i = 2; used.has(key); i++) key = `${base}_${i}`;
  return key;
}

function checkColumn(c: ColumnInput): ColumnInput {
  const label = c.label.trim();
  if (!label) throw new AppError("BAD_REQUEST", { userMessage: "registers.errors.labelRequired" });
  const options = CHOICE.includes(c.type) ? cleanOptionList(c.options) : [];
  if (CHOICE.includes(c.type) && options.length === 0)
    throw new AppError("BAD_REQUEST", {
      userMessage: `registers.errors.optionsRequired|column=${label}`,
    });
  return { ...c, label, options, helpText: (c.helpText ?? "").trim() };
}

/** Creates a register with its columns and records `register.created`. Editor role assumed. */
export async function createRegister(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { name: string; description?: string; columns: ColumnInput[] },
) {
  await authorizeActor(db, orgId, actor, "editor");
  const name = input.name.trim();
  if (!name) throw new AppError("BAD_REQUEST", { userMessage: "registers.errors.nameRequired" });
  const cols = input.columns.map(checkColumn);
  return db.transaction(async (tx) => {
    const [r] = await tx
      .insert(registers)
      .values({ orgId, name, description: input.description?.trim() ?? "" })
      .returning();
    const keys: string[] = [];
    for (const [i, c] of cols.entries()) {
      const key = columnKey(c.label, keys);
      keys.push(key);
      await tx.insert(registerColumns).values({ ...c, registerId: r!.id, orgId, key, position: i });
    }
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "register.created",
      targetType: "register",
      targetId: r!.id,
      ip: actor.ip,
      details: { targetName: name, columns: keys },
    });
    return r!;
  });
}

/** Deletes a register and all its contacts; records `register.deleted`. Main role assumed. */
export async function deleteRegister(db: Db, orgId: string, actor: Actor, registerId: string) {
  await authorizeActor(db, orgId, actor, "main");
  const r = await getRegisterOrThrow(db, orgId, registerId);
  await db.transaction(async (tx) => {
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(contacts)
      .where(eq(contacts.registerId, r.id))) as [{ n: number }];
    await tx.delete(registers).where(and(eq(registers.id, r.id), eq(registers.orgId, orgId)));
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "register.deleted",
      targetType: "register",
      targetId: r.id,
      ip: actor.ip,
      details: { targetName: r.name, count: n },
    });
  });
}
