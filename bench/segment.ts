/**
 * Segment benchmark: counting a 3-filter segment over 1,000,000 contacts of one register, our
 * compiler against hand-written SQL on the same data. `npm run bench -- segment [--n=1000000] [--runs=30]`
 *
 *   data       one register with city (single choice), interests (multiple choice), score
 *              (number) and joined (date); N contacts from ONE `INSERT … SELECT generate_series`,
 *              then ANALYZE.
 *   ours       countFilter(): what the live count in the filter builder runs (register and
 *              columns lookup, compile, count) for
 *              city = Helsinki AND interests contains golf AND joined within the last 365 days.
 *   reference  the same count written by hand with the driver, no Drizzle, over the same
 *              tables: contact_facets with the columns' slots looked up by hand.
 *   jsonb      for scale, the count written by hand over contacts.data (what it cost before
 *              contact_facets): data->>'city' = … and data->'interests' ? 'golf' and …
 *
 * Both run `runs` times alternately after 3 warm-up runs each; p50 and p95 are printed.
 * Database: PostgreSQL when DATABASE_URL is set (throwaway database vk_bench_<random>, dropped
 * at the end), otherwise PGlite in a temporary directory.
 * BENCH_KEEP=1 keeps the PostgreSQL database afterwards (for EXPLAIN experiments; drop it by hand).
 * Last line: `segment: ours=<p50 ms> reference=<p50 ms> ratio=<reference/ours> target=0.83`.
 */
import { machineLine, parseCounts } from "./lib/args";
import { openBenchDb } from "./lib/bench-db";
import { benchOrg, rawQuery, SEGMENT_FILTER, segmentRegister } from "./lib/register-data";

const TARGET = 0.83;
const P50_LIMIT_MS = 150;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => x.toFixed(1);

export async function main(args: string[]): Promise<number> {
  process.env.LOG_LEVEL = "silent";
  const { n, runs } = parseCounts(args, { n: 1_000_000, runs: 30 });
  console.log(machineLine());
  const bench = await openBenchDb();
  const keep = process.env.BENCH_KEEP === "1";
  if (keep) bench.dispose = bench.keep;
  let code = 0;
  try {
    const { handle } = bench;
    const q = rawQuery(bench);
    console.log(`database: ${bench.label}`);
    const { countFilter } = await import("@/lib/segments/segments");
    const owner = await benchOrg(bench);
    const org = owner.org;
    const { reg, seconds } = await segmentRegister(bench, owner, n);
    console.log(`data: ${n} contacts inserted and analysed in ${seconds.toFixed(1)} s`);

    const filter = SEGMENT_FILTER;
    const slot = Object.fromEntries(
      (await q(`select key, slot from register_columns where register_id = $1`, [reg.id])).rows.map(
        (r) => [r.key as string, r.slot as string],
      ),
    );
    const { helsinkiDaysAgo } = await import("@/lib/segments/kinds");
    const refSql = `select count(*)::int as n from contact_facets
      where register_id = $1 and ${slot.city} = 'Helsinki'
        and strpos(${slot.interests}, E'\\x1fgolf\\x1f') > 0 and ${slot.joined} between $2 and $3`;
    const jsonSql = `select count(*)::int as n from contacts
      where org_id = $1 and register_id = $2 and data->>'city' = 'Helsinki'
        and data->'interests' ? 'golf'
        and (data->>'joined')::date >= (now() at time zone 'Europe/Helsinki')::date - 365`;
    const ours = async () => countFilter(handle.db, org.id, reg.id, filter);
    const refParams = [reg.id, helsinkiDaysAgo(365), helsinkiDaysAgo(0)];
    const ref = async () => Number((await q(refSql, refParams)).rows[0]!.n);
    const json = async () => Number((await q(jsonSql, [org.id, reg.id])).rows[0]!.n);

    const [a, b, c] = [await ours(), await ref(), await json()];
    console.log(`matching contacts: ours ${a}, reference ${b}, jsonb ${c}`);
    if (a !== b || a !== c || a === 0) {
      console.error("WRONG: the counts differ or nothing matches");
      code = 1;
    }
    for (let i = 0; i < 2; i++) {
      await ours();
      await ref();
    }
    const to: number[] = [];
    const tr: number[] = [];
    const tj: number[] = [];
    for (let i = 0; i < runs; i++) {
      let s = performance.now();
      await ours();
      to.push(performance.now() - s);
      s = performance.now();
      await ref();
      tr.push(performance.now() - s);
      // The jsonb count is slow; every third round is enough for scale.
      if (i % 3 === 0) {
        s = performance.now();
        await json();
        tj.push(performance.now() - s);
      }
    }
    const [o50, r50] = [pct(to, 50), pct(tr, 50)];
    console.log(`ours:      p50 ${ms(o50)} ms, p95 ${ms(pct(to, 95))} ms (${runs} runs)`);
    console.log(`reference: p50 ${ms(r50)} ms, p95 ${ms(pct(tr, 95))} ms (${runs} runs)`);
    console.log(
      `jsonb:     p50 ${ms(pct(tj, 50))} ms, p95 ${ms(pct(tj, 95))} ms (${tj.length} runs; ours is ${(pct(tj, 50) / o50).toFixed(1)}x faster)`,
    );
    console.log(`p50 limit ${P50_LIMIT_MS} ms: ${o50 <= P50_LIMIT_MS ? "met" : "NOT met"}`);
    const { segmentColumns } = await import("@/lib/segments/segments");
    const { compileFacetFilter } = await import("@/lib/segments/compile");
    const { PgDialect } = await import("drizzle-orm/pg-core");
    const { sql } = await import("drizzle-orm");
    const { contactFacets } = await import("@/db/schema");
    const where = compileFacetFilter(filter, {
      orgId: org.id,
      registerId: reg.id,
      columns: await segmentColumns(handle.db, org.id, reg.id),
    });
    if (!where) throw new Error("the benchmark filter should be answered from contact_facets");
    const built = new PgDialect({ casing: "snake_case" }).sqlToQuery(
      sql`explain (analyze, costs off, timing off) select count(*) from ${contactFacets} where ${where}`,
    );
    const plan = async (text: string, params: unknown[]) =>
      (await q(text, params)).rows.map((r) => `  ${String(Object.values(r)[0])}`).join("\n");
    console.log(`plan (ours):\n${await plan(built.sql, built.params)}`);
    console.log(
      `plan (reference):\n${await plan(`explain (analyze, costs off, timing off) ${refSql}`, refParams)}`,
    );
    console.log(
      `segment: ours=${ms(o50)} reference=${ms(r50)} ratio=${(r50 / o50).toFixed(2)} target=${TARGET}`,
    );
  } finally {
    await bench.dispose();
  }
  return code;
}
