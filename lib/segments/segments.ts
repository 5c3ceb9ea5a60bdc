import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db";
import { contactFacets, contacts, segments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  authorizeActor,
  getRegisterOrThrow,
  listColumns,
  type Actor,
} from "@/lib/registers/registers";
import { compileFacetFilter, compileFilter, parseFilter, type CompileContext } from "./compile";
import type { SegmentColumn } from "./fields";
import type { FilterGroup } from "./schemas";

export type Segment = typeof segments.$inferSelect;

/** The register's columns as the compiler needs them (already org-checked by the caller). */
export async function segmentColumns(
  db: Db,
  orgId: string,
  registerId: string,
): Promise<SegmentColumn[]> {
  return (await listColumns(db, orgId, registerId)).map((c) => ({
    key: c.key,
    label: c.label,
    type: c.type,
    options: c.options ?? [],
    slot: c.slot,
  }));
}

/** Compiles a filter for a register of the organisation (NOT_FOUND for any other register). */
export async function compileForRegister(
  db: Db,
  orgId: string,
  registerId: string,
  filter: unknown,
): Promise<SQL> {
  await getRegisterOrThrow(db, orgId, registerId);
  return compileFilter(filter, {
    orgId,
    registerId,
    columns: await segmentColumns(db, orgId, registerId),
  });
}

/** How many contacts match a compiled condition. */
export async function countWhere(db: Db, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${contacts} where ${where}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * How many contacts of a register match a filter. Counted over `contact_facets` when every
 * condition's field is there (typed slots, statuses, creation time), else over `contacts`;
 * both give the same number (tested). The register must be the organisation's (checked by the
 * callers), as `contact_facets` is scoped by register only.
 */
async function countCompiled(db: Db, filter: unknown, ctx: CompileContext): Promise<number> {
  const facets = compileFacetFilter(filter, ctx);
  if (!facets) return countWhere(db, compileFilter(filter, ctx));
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${contactFacets} where ${facets}`,
  );
  return Number(row?.n ?? 0);
}

/** Live count of a filter being edited (any member; org-scoped). */
export async function countFilter(db: Db, orgId: string, registerId: string, filter: unknown) {
  await getRegisterOrThrow(db, orgId, registerId);
  const columns = await segmentColumns(db, orgId, registerId);
  return countCompiled(db, filter, { orgId, registerId, columns });
}

/** A segment of the organisation (optionally of one register), or NOT_FOUND. */
export async function getSegmentOrThrow(
  db: Db,
  orgId: string,
  segmentId: string,
  registerId?: string,
): Promise<Segment> {
  if (!/^[0-9a-f-]{36}$/i.test(segmentId)) throw new AppError("NOT_FOUND");
  const [s] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.id, segmentId), eq(segments.orgId, orgId)));
  if (!s || (registerId && s.registerId !== registerId)) throw new AppError("NOT_FOUND");
  return s;
}

/** The SQL condition of a saved segment (its register's columns as they are now). */
export async function segmentCondition(db: Db, orgId: string, segment: Segment): Promise<SQL> {
  return compileForRegister(db, orgId, segment.registerId, segment.filter);
}

/** A register's segments by name, each with its current count (any member). */
export async function listSegments(db: Db, orgId: string, registerId: string) {
  await getRegisterOrThrow(db, orgId, registerId);
  const columns = await segmentColumns(db, orgId, registerId);
  const rows = await db
    .select()
    .from(segments)
    .where(and(eq(segments.orgId, orgId), eq(segments.registerId, registerId)))
    .orderBy(asc(segments.name), asc(segments.id));
  return Promise.all(
    rows.map(async (s) => {
      // A segment that no longer compiles (its column was removed) is listed with no count.
      try {
        const count = await countCompiled(db, s.filter, { orgId, registerId, columns });
        return { ...s, count: count as number | null, broken: false };
      } catch {
        return { ...s, count: null, broken: true };
      }
    }),
  );
}

type SegmentInput = { registerId: string; name: string; filter: unknown };

async function checkInput(db: Db, orgId: string, input: SegmentInput) {
  const name = input.name.trim();
  if (!name) throw new AppError("BAD_REQUEST", { userMessage: "segments.errors.nameRequired" });
  const filter = parseFilter(input.filter);
  // Compiling validates every field, operator and value against the register's columns.
  await compileForRegister(db, orgId, input.registerId, filter);
  return { name: name.slice(0, 200), filter: filter as FilterGroup };
}

/** Saves a new segment of a register (editors). */
export async function createSegment(db: Db, orgId: string, actor: Actor, input: SegmentInput) {
  await authorizeActor(db, orgId, actor, "editor");
  const { name, filter } = await checkInput(db, orgId, input);
  const [s] = await db
    .insert(segments)
    .values({ orgId, registerId: input.registerId, name, filter, createdBy: actor.userId })
    .returning();
  return s!;
}

/** Renames a segment or changes its filter (editors). */
export async function updateSegment(
  db: Db,
  orgId: string,
  actor: Actor,
  segmentId: string,
  input: SegmentInput,
) {
  await authorizeActor(db, orgId, actor, "editor");
  const s = await getSegmentOrThrow(db, orgId, segmentId, input.registerId);
  const { name, filter } = await checkInput(db, orgId, input);
  const [u] = await db
    .update(segments)
    .set({ name, filter, updatedAt: new Date() })
    .where(and(eq(segments.id, s.id), eq(segments.orgId, orgId)))
    .returning();
  return u!;
}

/** Deletes a segment (editors); the contacts are untouched. */
export async function deleteSegment(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  segmentId: string,
) {
  await authorizeActor(db, orgId, actor, "editor");
  const s = await getSegmentOrThrow(db, orgId, segmentId, registerId);
  await db.delete(segments).where(and(eq(segments.id, s.id), eq(segments.orgId, orgId)));
}
