/**
 * Measures the heap the in-file deduplicator needs for 1,000,000 rows with a distinct e-mail and
 * phone each (the target register size). Not a test: run it by hand and read the number.
 *   node --expose-gc --import tsx scripts/measure-dedupe-heap.ts [rows]
 */
import { createDeduper } from "@/lib/import/dedupe";

const rows = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

gc();
const before = process.memoryUsage().heapUsed;
const deduper = createDeduper({ on: ["email", "phone"] });
let duplicates = 0;
for (let i = 0; i < rows; i++) {
  // Realistic widths: ~28-character e-mail, a Finnish mobile number written the local way.
  const email = `Etunimi.Sukunimi${i}@Esimerkki.fi`;
  const phone = `040 ${String(i).padStart(7, "0")}`;
  if (deduper.check({ rowNumber: i + 2, email, phone })) duplicates++;
}
gc();
const after = process.memoryUsage().heapUsed;
const mb = (after - before) / 1024 / 1024;
process.stdout.write(
  `${rows} rows, ${deduper.size} remembered values, ${duplicates} duplicates: ` +
    `${mb.toFixed(1)} MB heap (${((after - before) / rows).toFixed(0)} bytes/row)\n`,
);
