import { Resolver } from "node:dns/promises";

/** A TXT lookup: the record's strings per record (as `dns.resolveTxt` returns them). */
export type TxtResolver = (name: string) => Promise<string[][]>;

/** One record to publish: where, what, and what the last check found. */
export type RecordCheck = {
  ok: boolean;
  /** TXT values found at the name (joined chunks), for showing what is there now. */
  found: string[];
  /** What to publish (the whole value, or for SPF the mechanism that must be present). */
  expected: string;
  /** i18n key (under `senders.fix.`) saying what to fix, when not ok. */
  error?: string;
};

export type DomainCheck =
  | { status: "checked"; spf: RecordCheck; dkim: RecordCheck; dmarc: RecordCheck }
  | { status: "unavailable"; code: string };

export type ExpectedRecords = {
  spf: { name: string; value: string; mechanism: string };
  dkim: { name: string; value: string; publicKey: string };
  dmarc: { name: string; value: string };
};

/** "No such name" / "no TXT there": the record simply is not published. */
const MISSING = new Set(["ENODATA", "ENOTFOUND"]);

const codeOf = (err: unknown) =>
  err && typeof err === "object" && "code" in err
    ? String((err as { code: unknown }).code)
    : "EUNKNOWN";

/** The system resolver with a short timeout and one try, so a dead network answers in seconds. */
export function systemTxtResolver(timeoutMs = 2500): TxtResolver {
  const r = new Resolver({ timeout: timeoutMs, tries: 1 });
  return (name) =>
    Promise.race([
      r.resolveTxt(name),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(Object.assign(new Error("timeout"), { code: "ETIMEOUT" })),
          timeoutMs * 2,
        ).unref(),
      ),
    ]);
}

async function txt(resolve: TxtResolver, name: string): Promise<string[]> {
  try {
    return (await resolve(name)).map((chunks) => chunks.join(""));
  } catch (err) {
    if (MISSING.has(codeOf(err))) return [];
    throw err;
  }
}

const tags = (v: string) =>
  new Map(
    v
      .split(";")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => [
        p.slice(0, p.indexOf("=")).trim().toLowerCase(),
        p.slice(p.indexOf("=") + 1).replace(/\s+/g, ""),
      ]),
  );

/** SPF: exactly one `v=spf1` record that contains our mechanism. */
export function judgeSpf(found: string[], expected: ExpectedRecords["spf"]): RecordCheck {
  const spf = found.filter((v) => /^v=spf1(\s|$)/i.test(v.trim()));
  const base = { found: spf, expected: expected.value };
  if (spf.length === 0) return { ...base, ok: false, error: "spfMissing" };
  if (spf.length > 1) return { ...base, ok: false, error: "spfMultiple" };
  const terms = spf[0]!
    .toLowerCase()
    .split(/\s+/)
    .map((t) => t.replace(/^[+]/, ""));
  if (!terms.includes(expected.mechanism.toLowerCase()))
    return { ...base, ok: false, error: "spfMechanism" };
  return { ...base, ok: true };
}

/** DKIM: a `<selector>._domainkey` record whose `p=` is our public key. */
export function judgeDkim(found: string[], expected: ExpectedRecords["dkim"]): RecordCheck {
  const keys = found.filter((v) => /(^|;)\s*p=/i.test(v));
  const base = { found: keys, expected: expected.value };
  if (keys.length === 0) return { ...base, ok: false, error: "dkimMissing" };
  if (!keys.some((k) => tags(k).get("p") === expected.publicKey))
    return { ...base, ok: false, error: "dkimMismatch" };
  return { ...base, ok: true };
}

/** DMARC: one `v=DMARC1` record at `_dmarc` with a policy. */
export function judgeDmarc(found: string[], expected: ExpectedRecords["dmarc"]): RecordCheck {
  const dmarc = found.filter((v) => /^v=DMARC1\s*(;|$)/i.test(v.trim()));
  const base = { found: dmarc, expected: expected.value };
  if (dmarc.length === 0) return { ...base, ok: false, error: "dmarcMissing" };
  if (dmarc.length > 1) return { ...base, ok: false, error: "dmarcMultiple" };
  if (!["none", "quarantine", "reject"].includes(tags(dmarc[0]!).get("p")?.toLowerCase() ?? ""))
    return { ...base, ok: false, error: "dmarcPolicy" };
  return { ...base, ok: true };
}

/**
 * Looks the three records up and judges them. When DNS cannot be asked at all (offline, timeout,
 * the domain itself does not resolve) the result is `unavailable` instead of an error.
 */
export async function checkDomainRecords(
  domain: string,
  expected: ExpectedRecords,
  resolve: TxtResolver = systemTxtResolver(),
): Promise<DomainCheck> {
  try {
    // The domain itself first: if it cannot be resolved, the sub-records tell us nothing.
    await resolve(domain).catch((err) => {
      if (codeOf(err) !== "ENODATA") throw err;
    });
    const [spf, dkim, dmarc] = await Promise.all([
      txt(resolve, expected.spf.name),
      txt(resolve, expected.dkim.name),
      txt(resolve, expected.dmarc.name),
    ]);
    return {
      status: "checked",
      spf: judgeSpf(spf, expected.spf),
      dkim: judgeDkim(dkim, expected.dkim),
      dmarc: judgeDmarc(dmarc, expected.dmarc),
    };
  } catch (err) {
    // ENOTFOUND for the domain, ETIMEOUT, ECONNREFUSED…: we could not ask, which is no verdict.
    return { status: "unavailable", code: codeOf(err) };
  }
}
