/**
 * Contact search benchmark (R2): `npm run bench -- search [--n=1000000] [--runs=20]`.
 *
 *   data       one register of N contacts from ONE `INSERT … SELECT generate_series` (e-mail
 *              pN@example.fi, first name from 9, last name Suku0…Suku49999, a phone for every
 *              other contact), then ANALYZE.
 *   ours       listContacts() with a search term: the first page (50, newest first) as the
 *              register page asks for it. The search is `like '%term%'` over contactSearchText,
 *              served by the trigram GIN index of migration 0014.
 *   reference  the search as it was before that index, by hand over the same table: three ORed
 *              `like` conditions on e-mail, "first last" and "last first" (plus the phone for a
 *              number), which no index serves, so PostgreSQL walks the register newest first
 *              until it has a page.
 * Terms: one that matches nothing, a rare last name (20 contacts), part of one e-mail address,
 * a phone number written the Finnish way, and a common one (every contact).
 * Each is run `runs` times alternately after 2 warm-up runs; p50 per term is printed.
 * Database: PostgreSQL when DATABASE_URL is set (throwaway database, dropped at the end),
 * otherwise PGlite in a temporary directory. BENCH_KEEP=1 keeps the PostgreSQL database.
 * Last line: `search: ours=<worst p50 ms> reference=<worst p50 ms> ratio=<reference/ours> target=10`.
 */
import { machineLine, parseCounts } from "./lib/args";
import { openBenchDb } from "./lib/bench-db";
import { benchOrg, rawQuery } from "./lib/register-data";

/** The index should make the slowest term at least ten times faster than the walk. */
const TARGET = 10;

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function main(args: string[]): Promise<number> {
  process.env.LOG_LEVEL = "silent";
  const { n, runs } = parseCounts(args, { n: 1_000_000, runs: 20 });
  console.log(machineLine());
  const bench = await openBenchDb();
  if (process.env.BENCH_KEEP === "1") bench.dispose = bench.keep;
  let code = 0;
  try {
    const { handle } = bench;
    const q = rawQuery(bench);
    console.log(`database: ${bench.label}`);
    const { createRegister } = await import("@/lib/registers/registers");
    const { listContacts } = await import("@/lib/contacts/list");
    const { org, actor } = await benchOrg(bench);
    const reg = await createRegister(handle.db, org.id, actor, { name: "Bench", columns: [] });
    const t0 = performance.now();
    await q(
      `insert into contacts (org_id, register_id, email, phone, first_name, last_name, created_at)
       select $1, $2, 'p' || g || '@example.fi',
         case when g % 2 = 0 then '+35840' || lpad(g::text, 7, '0') end,
         (array['Matti','Liisa','Aino','Juhani','Äijö','Helmi','Eero','Sofia','Väinö'])[1 + g % 9],
         'Suku' || (g % 50000), now() - (g * interval '1 second')
       from generate_series(1::bigint, $3::bigint) g`,
      [org.id, reg.id, n],
    );
    await q(`analyze contacts`);
    console.log(
      `data: ${n} contacts inserted and analysed in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const phoneOf = Math.min(n, 987_654) - (Math.min(n, 987_654) % 2);
    const terms = [
      { label: "no match", term: "zzqx" },
      { label: "rare last name", term: `suku${Math.min(n - 1, 43_210)}` },
      { label: "part of an e-mail", term: `p${Math.min(n, 987_654)}@` },
      {
        label: "phone, Finnish format",
        term: `040 ${String(phoneOf)
          .padStart(7, "0")
          .replace(/^(\d{3})/, "$1 ")}`,
      },
      { label: "common", term: "suku" },
    ];
    const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
    const reference = async (term: string) => {
      const like = `%${escape(term)}%`;
      const digits = term.replace(/[\s\-()]/g, "");
      const phone = /^\+?\d{3,}$/.test(digits)
        ? ` or phone like '%${escape(digits.replace(/^0/, ""))}%'`
        : "";
      const { rows } = await q(
        `select id from contacts where register_id = $1 and org_id = $2
           and (lower(email) like $3 or lower(first_name || ' ' || last_name) like $3
             or lower(last_name || ' ' || first_name) like $3${phone})
         order by created_at desc, id desc limit 51`,
        [reg.id, org.id, like],
      );
      return rows.length;
    };
    const ours = async (term: string) =>
      (await listContacts(handle.db, org.id, reg.id, { q: term })).rows.length;

    let worstOurs = 0;
    let worstRef = 0;
    for (const { label, term } of terms) {
      const [a, b] = [await ours(term), await reference(term)];
      if (Math.min(a, 50) !== Math.min(b, 50)) {
        console.error(`${label}: DIFFERENT results: ours ${a}, reference ${b}`);
        code = 1;
      }
      await ours(term);
      await reference(term);
      const to: number[] = [];
      const tr: number[] = [];
      for (let i = 0; i < runs; i++) {
        let s = performance.now();
        await ours(term);
        to.push(performance.now() - s);
        s = performance.now();
        await reference(term);
        tr.push(performance.now() - s);
      }
      worstOurs = Math.max(worstOurs, p50(to));
      worstRef = Math.max(worstRef, p50(tr));
      console.log(
        `${label.padEnd(22)} "${term}": ${a} on the page; ours p50 ${p50(to).toFixed(1)} ms, reference p50 ${p50(tr).toFixed(1)} ms`,
      );
    }
    console.log(
      `search: ours=${worstOurs.toFixed(1)} reference=${worstRef.toFixed(1)} ratio=${(worstRef / worstOurs).toFixed(2)} target=${TARGET}`,
    );
  } finally {
    await bench.dispose();
  }
  return code;
}
