import type { BenchDb } from "./bench-db";

type Rows = { rows: Record<string, unknown>[] };
export type RawQuery = (text: string, params?: unknown[]) => Promise<Rows>;

/** The driver's own query function (no Drizzle), for hand-written reference SQL. */
export const rawQuery =
  (bench: BenchDb): RawQuery =>
  (text, params) =>
    (bench.handle.raw as { query: RawQuery }).query(text, params);

/** One organisation and main user; the actor for lib calls. */
export async function benchOrg(bench: BenchDb) {
  const { createOrg, createUser } = await import("@/db/seed/factories");
  const org = await createOrg(bench.handle.db, "Bench Oy");
  const user = await createUser(bench.handle.db, { orgId: org.id, role: "main" });
  return { org, actor: { userId: user.id, userEmail: user.email } };
}

/**
 * A register with city (single choice, 5 cities), interests (multiple choice), score (number)
 * and joined (date), filled with `n` contacts by ONE `INSERT … SELECT generate_series` (the
 * contact_facets triggers fill their copy in the same statement), then ANALYZE. Cities come in
 * 5 shares, interests 1/4 none and golf in about half, joined spread over ~4 years, created over
 * ~1,000 hours. Returns the register and the seconds the data took.
 */
export async function segmentRegister(
  bench: BenchDb,
  owner: Awaited<ReturnType<typeof benchOrg>>,
  n: number,
  name = "Bench",
) {
  const { createRegister } = await import("@/lib/registers/registers");
  const reg = await createRegister(bench.handle.db, owner.org.id, owner.actor, {
    name,
    columns: [
      {
        label: "city",
        type: "single_choice",
        options: ["Helsinki", "Espoo", "Tampere", "Turku", "Oulu"],
      },
      { label: "interests", type: "multi_choice", options: ["golf", "tennis", "uinti"] },
      { label: "score", type: "number" },
      { label: "joined", type: "date" },
    ],
  });
  const q = rawQuery(bench);
  const t0 = performance.now();
  await q(
    `insert into contacts (org_id, register_id, email, first_name, last_name, data, created_at)
     select $1, $2, 'p' || g || '@example.fi', 'Etu' || (g % 1000), 'Suku' || (g % 5000),
       jsonb_build_object(
         'city', (array['Helsinki','Espoo','Tampere','Turku','Oulu'])[1 + (g * 7919) % 5],
         'interests', (array['[]','["golf"]','["tennis"]','["golf","tennis"]','["golf","uinti"]'])[1 + (g / 5) % 5]::jsonb,
         'score', (g * 31) % 1000,
         'joined', to_char(current_date - ((g * 13) % 1500)::int, 'YYYY-MM-DD')),
       now() - ((g % 1000) * interval '1 hour')
     from generate_series(1::bigint, $3::bigint) g`,
    [owner.org.id, reg.id, n],
  );
  await q(`analyze contacts, contact_facets`);
  return { reg, seconds: (performance.now() - t0) / 1000 };
}

/** The benchmarks' 3-filter segment over that register: 29,333 of 1,000,000 contacts (2.9 %). */
export const SEGMENT_FILTER = {
  type: "group",
  op: "and",
  children: [
    { type: "cond", field: "city", operator: "equals", value: "Helsinki" },
    { type: "cond", field: "interests", operator: "contains_any", value: ["golf"] },
    { type: "cond", field: "joined", operator: "within_last_days", value: 365 },
  ],
};
