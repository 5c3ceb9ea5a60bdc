/**
 * Benchmark dispatcher: `npm run bench -- <name> [args]` (= `tsx bench/run.ts <name> [args]`)
 * imports `bench/<name>.ts` and runs its exported `main(args)`. A benchmark prints what it
 * measured and, as its last line, `<name>: ours=… reference=… ratio=… target=…`.
 * See docs/BENCHMARKS.md.
 *
 * Nothing from the app is imported here: benchmarks set their environment (LOG_LEVEL …)
 * before they load app modules.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What a benchmark module exports. A returned number is the process exit code. */
export type BenchMain = (args: string[]) => Promise<number | void>;

const here = path.dirname(fileURLToPath(import.meta.url));

function available(): string[] {
  return readdirSync(here)
    .filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.endsWith(".test.ts") && f !== "run.ts",
    )
    .map((f) => f.slice(0, -3))
    .sort();
}

function usage(names: string[]) {
  console.error("usage: npm run bench -- <name> [args]");
  console.error(`available benchmarks: ${names.length ? names.join(", ") : "(none)"}`);
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const names = available();
  if (!name || name === "--help" || name === "-h") {
    usage(names);
    return name ? 0 : 2;
  }
  if (!names.includes(name)) {
    console.error(`unknown benchmark: ${name}`);
    usage(names);
    return 2;
  }
  const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as {
    main?: BenchMain;
  };
  if (typeof mod.main !== "function") {
    console.error(`bench/${name}.ts does not export main(args)`);
    return 2;
  }
  const code = await mod.main(args);
  return typeof code === "number" ? code : 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
