import os from "node:os";

/**
 * Parses `--<name>=<positive integer>` arguments over `defaults` (every key of `defaults` is an
 * accepted name); anything else is refused with the list of accepted forms.
 */
export function parseCounts<K extends string>(
  args: string[],
  defaults: Record<K, number>,
): Record<K, number> {
  const opts = { ...defaults };
  const names = Object.keys(defaults) as K[];
  for (const a of args) {
    const m = /^--([a-z]+)=(\d+)$/.exec(a);
    const name = m?.[1] as K | undefined;
    if (!m || !name || !names.includes(name))
      throw new Error(
        `unknown argument: ${a} (expected ${names.map((k) => `--${k}=<count>`).join(" or ")})`,
      );
    const v = Number(m[2]);
    if (!Number.isSafeInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
    opts[name] = v;
  }
  return opts;
}

/** The first line every benchmark prints: what it ran on. */
export function machineLine(): string {
  const cpus = os.cpus();
  return `machine: ${cpus[0]?.model ?? "unknown cpu"}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`;
}
