/**
 * Bulk deletion benchmark: emptying a register of N contacts (R2's "Empty the register…"), the
 * app's batched job against one hand-written DELETE of the same data.
 * `npm run bench -- delete [--n=1000000]`
 *
 *   data       two registers of N contacts each, built like the segment benchmark's (one
 *              INSERT … SELECT, contact_facets filled by its triggers, ANALYZE).
 *   ours       requestDeletion() for the whole first register (count, row, job queued) and
 *              runDeletion(): batches of 2,000 contacts, each its own transaction with the
 *              progress counter, until none is left.
 *   reference  `delete from contacts where org_id = $1 and register_id = $2`: one statement, one
 *              transaction, over the second register — the fastest way, with no progress and a
 *              transaction that holds its locks until the end.
 *
 * Also prints a segment-sized deletion (city = Helsinki AND interests contains golf AND joined
 * within the last 365 days, ~3 %) done first on the reference's register, by the job, for scale.
 * Checks afterwards that the first register is empty and the second holds only what it should.
 * Last line: `delete: ours=<s> reference=<s> ratio=<reference/ours> target=0.5`.
 */
import { machineLine, parseCounts } from "./lib/args";
import { openBenchDb } from "./lib/bench-db";
import { benchOrg, rawQuery, SEGMENT_FILTER, segmentRegister } from "./lib/register-data";

const TARGET = 0.5;

export async function main(args: string[]): Promise<number> {
  process.env.LOG_LEVEL = "silent";
  const { n } = parseCounts(args, { n: 1_000_000 });
  console.log(machineLine());
  const bench = await openBenchDb();
  if (process.env.BENCH_KEEP === "1") bench.dispose = bench.keep;
  let code = 0;
  try {
    const { handle } = bench;
    const q = rawQuery(bench);
    console.log(`database: ${bench.label}`);
    const { requestDeletion, runDeletion } = await import("@/lib/contacts/bulk-delete");
    const owner = await benchOrg(bench);
    const { org, actor } = owner;
    const a = await segmentRegister(bench, owner, n, "Bench A");
    const b = await segmentRegister(bench, owner, n, "Bench B");
    console.log(`data: 2 × ${n} contacts in ${(a.seconds + b.seconds).toFixed(1)} s`);
    const left = async (registerId: string) =>
      Number(
        (await q(`select count(*)::int as n from contacts where register_id = $1`, [registerId]))
          .rows[0]!.n,
      );

    // A segment's worth, by the job, on register B (so A stays whole for the comparison).
    const segment = SEGMENT_FILTER;
    let t = performance.now();
    const seg = await requestDeletion(handle.db, org.id, actor, b.reg.id, { filter: segment });
    const segDone = await runDeletion(handle.db, { orgId: org.id, deletionId: seg.id });
    const segS = (performance.now() - t) / 1000;
    console.log(
      `segment:   ${segDone?.deleted} of ${n} contacts (the 3-filter segment) by the job in ${segS.toFixed(2)} s`,
    );
    const bLeft = await left(b.reg.id);

    t = performance.now();
    const d = await requestDeletion(handle.db, org.id, actor, a.reg.id, {});
    const done = await runDeletion(handle.db, { orgId: org.id, deletionId: d.id });
    const ours = (performance.now() - t) / 1000;
    console.log(
      `ours:      ${done?.deleted} contacts in ${ours.toFixed(2)} s (batches of 2,000, each committed)`,
    );

    // The reference deletes register B's remaining contacts; scaled to N for the ratio.
    t = performance.now();
    await q(`delete from contacts where org_id = $1 and register_id = $2`, [org.id, b.reg.id]);
    const refRaw = (performance.now() - t) / 1000;
    const reference = (refRaw * n) / Math.max(bLeft, 1);
    console.log(
      `reference: one DELETE of ${bLeft} contacts in ${refRaw.toFixed(2)} s → ${reference.toFixed(2)} s for ${n}`,
    );
    const [aLeft, bAfter] = [await left(a.reg.id), await left(b.reg.id)];
    const facets = Number(
      (
        await q(`select count(*)::int as n from contact_facets where register_id in ($1, $2)`, [
          a.reg.id,
          b.reg.id,
        ])
      ).rows[0]!.n,
    );
    if (done?.deleted !== n || aLeft !== 0 || bAfter !== 0 || facets !== 0) {
      console.error(
        `WRONG: deleted ${done?.deleted}, left in A ${aLeft}, in B ${bAfter}, facets ${facets}`,
      );
      code = 1;
    }
    console.log(
      `delete: ours=${ours.toFixed(2)}s reference=${reference.toFixed(2)}s ratio=${(reference / ours).toFixed(2)} target=${TARGET}`,
    );
  } finally {
    await bench.dispose();
  }
  return code;
}
