import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db";
import { contactFacets, contacts, registerColumns } from "@/db/schema";
import { createOrg, createUser } from "@/db/seed/factories";
import { openTestDb } from "@/db/seed/test-db";
import { createRegister } from "@/lib/registers/registers";
import type { FilterGroup } from "./schemas";
import { countFilter } from "./segments";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

/** The statements of migration 0013 that fill in existing data (slots, then contact_facets). */
function backfillStatements(): string[] {
  const file = path.resolve(process.cwd(), "db/migrations/0013_contact_facets.sql");
  return readFileSync(file, "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(
      (s) =>
        s.startsWith("-- Slots for the columns that exist already") ||
        s.startsWith("-- The contacts that exist already"),
    );
}

it("migration 0013 gives existing columns slots and copies existing contacts", async () => {
  const org = await createOrg(h.db);
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  const reg = await createRegister(
    h.db,
    org.id,
    { userId: main.id, userEmail: main.email },
    {
      name: "Vanha",
      columns: [
        { label: "City", type: "single_choice", options: ["Helsinki", "Espoo"] },
        { label: "Interests", type: "multi_choice", options: ["golf", "tennis"] },
        { label: "Joined", type: "date" },
      ],
    },
  );
  await h.db.insert(contacts).values(
    Array.from({ length: 12 }, (_, i) => ({
      orgId: org.id,
      registerId: reg.id,
      email: `v${i}@example.fi`,
      data: {
        city: i % 2 ? "Helsinki" : "Espoo",
        interests: i % 3 ? ["golf"] : ["tennis"],
        joined: `2026-0${1 + (i % 9)}-15`,
      },
    })),
  );
  // The database as it was before 0013: no slots, no copies.
  await h.db.execute(sql`update ${registerColumns} set slot = null where register_id = ${reg.id}`);
  await h.db.execute(sql`delete from ${contactFacets} where register_id = ${reg.id}`);
  const statements = backfillStatements();
  expect(statements).toHaveLength(2);
  for (const s of statements) await h.db.execute(sql.raw(s));

  const slots = await queryRows<{ key: string; slot: string }>(
    h.db,
    sql`select key, slot from ${registerColumns} where register_id = ${reg.id} order by position`,
  );
  expect(slots.map((s) => [s.key, s.slot])).toEqual([
    ["city", "t1"],
    ["interests", "m1"],
    ["joined", "d1"],
  ]);
  const filter: FilterGroup = {
    type: "group",
    op: "and",
    children: [
      { type: "cond", field: "city", operator: "equals", value: "Helsinki" },
      { type: "cond", field: "interests", operator: "contains_any", value: ["golf"] },
      { type: "cond", field: "joined", operator: "after", value: "2026-03-01" },
    ],
  };
  const expected = Array.from({ length: 12 }, (_, i) => i).filter(
    (i) => i % 2 === 1 && i % 3 !== 0 && 1 + (i % 9) >= 3,
  ).length;
  expect(expected).toBeGreaterThan(0);
  const [copied] = await queryRows<{ n: number; golf: number }>(
    h.db,
    sql`select count(*)::int as n, count(*) filter (where m1 like '%golf%')::int as golf
        from ${contactFacets} where register_id = ${reg.id}`,
  );
  expect(copied).toEqual({ n: 12, golf: 8 });
  expect(await countFilter(h.db, org.id, reg.id, filter)).toBe(expected);
});
