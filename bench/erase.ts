/**
 * Erasure's file check (R11): how long the `person/files.erase` job takes to read a kept
 * 1,000,000-row import upload for one person's addresses, against reading the same stored file
 * back and decoding it. `npm run bench -- erase [--rows=1000000]`
 *
 *   file       the import benchmark's CSV (12 columns, `;`, UTF-8; 111.6 MiB at 1,000,000 rows),
 *              stored with storeFile as an import upload of an organisation.
 *   ours       eraseFromStoredFiles() for an e-mail and a phone number that are NOT in the file
 *              (the worst case: every row is read): detect encoding and delimiter, parse, and
 *              test every cell that could be an address against the hashes.
 *   reference  the floor of any such check: readFile() chunk by chunk and a TextDecoder over
 *              every chunk, nothing else.
 *
 * Also checks that the same job finds and deletes the file for an address of its last row.
 * Database: PostgreSQL when DATABASE_URL is set, otherwise PGlite (both throwaway).
 * Last line: `erase: ours=<s> reference=<s> ratio=<reference/ours> target=0.1`.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { machineLine, parseCounts } from "./lib/args";
import { openBenchDb } from "./lib/bench-db";
import { writeCsv } from "./lib/csv";
import { benchOrg } from "./lib/register-data";

const TARGET = 0.1;

export async function main(args: string[]): Promise<number> {
  process.env.LOG_LEVEL = "silent";
  const { rows } = parseCounts(args, { rows: 1_000_000 });
  console.log(machineLine());
  const dir = mkdtempSync(path.join(os.tmpdir(), "vk-bench-erase-"));
  const bench = await openBenchDb();
  let code = 0;
  try {
    const db = bench.handle.db;
    console.log(`database: ${bench.label}`);
    const { storeFile, readFile } = await import("@/lib/files/store");
    const { addressHash } = await import("@/lib/consent/address-hash");
    const { eraseFromStoredFiles } = await import("@/lib/contacts/erase-files");
    const { org } = await benchOrg(bench);
    const file = path.join(dir, "jasenet.csv");
    await writeCsv(file, rows);
    const mib = statSync(file).size / 2 ** 20;
    const stored = await storeFile(
      db,
      { orgId: org.id, purpose: "import_upload", name: "jasenet.csv", contentType: "text/csv" },
      createReadStream(file),
    );
    console.log(`file: ${rows} rows × 12 columns, ${mib.toFixed(1)} MiB, stored`);

    let t = performance.now();
    let bytes = 0;
    const decoder = new TextDecoder("utf-8");
    for await (const chunk of readFile(db, org.id, stored.id))
      bytes += decoder.decode(chunk, { stream: true }).length;
    const reference = (performance.now() - t) / 1000;
    console.log(
      `reference: read and decode ${(bytes / 2 ** 20).toFixed(1)} Mi chars in ${reference.toFixed(2)} s`,
    );

    const before = new Date(Date.now() + 60_000).toISOString();
    t = performance.now();
    const miss = await eraseFromStoredFiles(db, {
      orgId: org.id,
      hashes: [
        addressHash("email", "ei-tiedostossa@example.fi"),
        addressHash("sms", "+358509999999"),
      ],
      before,
    });
    const ours = (performance.now() - t) / 1000;
    console.log(
      `ours:      checked ${miss.checked} file, deleted ${miss.deleted} (no mention) in ${ours.toFixed(2)} s → ${Math.round(rows / ours)} rows/s`,
    );

    // The last row's phone (040 xxx xxxx in the file) is found and the file deleted.
    const last = String(1_000_000 + rows - 1);
    t = performance.now();
    const hit = await eraseFromStoredFiles(db, {
      orgId: org.id,
      hashes: [addressHash("sms", `+35840${last}`)],
      before,
    });
    console.log(
      `hit:       the last row's phone number found, file deleted ${hit.deleted} in ${((performance.now() - t) / 1000).toFixed(2)} s`,
    );
    if (miss.deleted !== 0 || miss.checked !== 1 || hit.deleted !== 1) {
      console.error("WRONG: the file should be kept for a stranger and deleted for its last row");
      code = 1;
    }
    console.log(
      `erase: ours=${ours.toFixed(2)}s reference=${reference.toFixed(2)}s ratio=${(reference / ours).toFixed(2)} target=${TARGET}`,
    );
  } finally {
    await bench.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  return code;
}
