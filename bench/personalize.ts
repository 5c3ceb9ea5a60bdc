/**
 * Personalization benchmark (E3/S1): `npm run bench -- personalize [recipients]` (default 100,000).
 *
 * One campaign body (≈ 6 kB of e-mail HTML with six merge tags, one with a default and one
 * inside an `if`) is compiled once, then rendered per recipient:
 *
 *   ours       renderTemplate(): LiquidJS with HTML escaping, limits and the filter list.
 *   reference  the fastest thing that could do the same job by hand: the source split once at
 *              the tags, each recipient's values HTML-escaped and joined (no Liquid, no limits,
 *              no conditionals — the `if` is evaluated by hand).
 *
 * Both outputs are compared for every recipient. The limit that matters is the send rate:
 * ARCHITECTURE §6 expects ~700 messages/s per process from a raw SMTP pool, so rendering must
 * stay far above that; the target is ≥ 10 × 700 = 7,000 renders/s.
 * Last line: `personalize: ours=<renders/s> reference=<renders/s> ratio=<ours/reference> limit=7000 (<met|NOT met>)`.
 */
import os from "node:os";

const LIMIT = 7_000;

const BLOCK = `<tr><td style="padding:16px 24px;font-family:Arial,sans-serif;font-size:16px;line-height:24px;color:#1f2937">Lorem ipsum dolor sit amet, consectetur adipiscing elit. Syksyn kurssit alkavat pian, ja varaamalla nyt saat paikan ensimmäisten joukossa.</td></tr>\n`;

function source(): string {
  return (
    `<!doctype html><html><body><table role="presentation" width="100%">` +
    `<tr><td><h1>Hei {{ first_name | default: "asiakas" }}!</h1></td></tr>` +
    BLOCK.repeat(12) +
    `<tr><td>Kotikaupunkisi: {{ kaupunki }}. Kiinnostuksesi: {{ kiinnostukset }}.</td></tr>` +
    `{% if jasen %}<tr><td>Jäsenenä saat 10 % alennuksen, {{ last_name }}.</td></tr>{% endif %}` +
    BLOCK.repeat(12) +
    `<tr><td>Tämä viesti lähetettiin osoitteeseen {{ email }}.</td></tr></table></body></html>`
  );
}

const ESC: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&#34;",
  "'": "&#39;",
};
const esc = (v: unknown) =>
  v === null || v === undefined ? "" : String(v).replace(/[&<>"']/g, (c) => ESC[c]!);

/** The hand-written peer: split once, join per recipient. */
function handWritten(src: string) {
  const ifStart = src.indexOf("{% if jasen %}");
  const ifEnd = src.indexOf("{% endif %}");
  const before = src.slice(0, ifStart);
  const inner = src.slice(ifStart + "{% if jasen %}".length, ifEnd);
  const after = src.slice(ifEnd + "{% endif %}".length);
  const split = (s: string) => {
    const parts: string[] = [];
    const names: string[] = [];
    let last = 0;
    for (const m of s.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)) {
      parts.push(s.slice(last, m.index));
      names.push(m[1]!);
      last = m.index! + m[0].length;
    }
    parts.push(s.slice(last));
    return { parts, names };
  };
  const pieces = [split(before), split(inner), split(after)];
  const fill = (p: { parts: string[]; names: string[] }, v: Record<string, unknown>) => {
    let out = p.parts[0]!;
    for (let i = 0; i < p.names.length; i++) {
      const name = p.names[i]!;
      const value = v[name];
      out +=
        (name === "first_name" && (value === null || value === "") ? "asiakas" : esc(value)) +
        p.parts[i + 1]!;
    }
    return out;
  };
  return (v: Record<string, unknown>) =>
    fill(pieces[0]!, v) + (v.jasen ? fill(pieces[1]!, v) : "") + fill(pieces[2]!, v);
}

export async function main(args: string[]): Promise<number> {
  const n = args[0] ? Number(args[0].replace(/[_,]/g, "")) : 100_000;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error("usage: personalize [recipients]");
  const { compileTemplate, renderTemplate } = await import("@/lib/personalize/template");
  const { contactMergeValues, mergeFields } = await import("@/lib/personalize/fields");
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus[0]?.model ?? "unknown cpu"}, ${cpus.length} cores; node ${process.version}`,
  );
  const columns = [
    { key: "kaupunki", label: "Kaupunki", type: "text" as const },
    { key: "kiinnostukset", label: "Kiinnostukset", type: "multi_choice" as const },
    { key: "jasen", label: "Jäsen", type: "boolean" as const },
  ];
  const fields = mergeFields(columns).map((f) => f.name);
  const src = source();
  const t0 = performance.now();
  const compiled = compileTemplate(src, { kind: "html", fields });
  console.log(
    `template: ${(src.length / 1024).toFixed(1)} kB, fields ${compiled.fields.join(", ")}; compiled once in ${(performance.now() - t0).toFixed(1)} ms`,
  );
  const recipients = Array.from({ length: n }, (_, i) =>
    contactMergeValues(
      {
        firstName: i % 10 === 0 ? "" : `Asiakas${i}`,
        lastName: i % 7 === 0 ? `<Mäkelä & ${i}>` : `Mäkelä${i}`,
        email: `asiakas${i}@example.fi`,
        phone: null,
        data: {
          kaupunki: ["Helsinki", "Espoo", "Oulu"][i % 3],
          kiinnostukset: i % 2 ? ["golf", "tennis"] : ["purjehdus"],
          jasen: i % 3 === 0,
        },
      },
      columns,
    ),
  );
  const peer = handWritten(src);
  // Same output for everyone, or the comparison means nothing.
  for (let i = 0; i < n; i++) {
    const a = renderTemplate(compiled, recipients[i]!);
    const b = peer(recipients[i]!);
    if (a !== b) {
      console.error(`outputs differ for recipient ${i}:\n${a.slice(0, 300)}\n${b.slice(0, 300)}`);
      return 1;
    }
  }
  const time = (fn: () => void) => {
    const s = performance.now();
    fn();
    return performance.now() - s;
  };
  let sink = 0;
  const oursRuns: number[] = [];
  const refRuns: number[] = [];
  for (let r = 0; r < 3; r++) {
    oursRuns.push(
      time(() => {
        for (const v of recipients) sink += renderTemplate(compiled, v).length;
      }),
    );
    refRuns.push(
      time(() => {
        for (const v of recipients) sink += peer(v).length;
      }),
    );
  }
  const best = (xs: number[]) => Math.min(...xs);
  const oursRate = n / (best(oursRuns) / 1000);
  const refRate = n / (best(refRuns) / 1000);
  console.log(
    `ours:      best of 3 ${best(oursRuns).toFixed(0)} ms → ${Math.round(oursRate)} renders/s (${((best(oursRuns) * 1000) / n).toFixed(1)} µs each)`,
  );
  console.log(
    `reference: best of 3 ${best(refRuns).toFixed(0)} ms → ${Math.round(refRate)} renders/s (${((best(refRuns) * 1000) / n).toFixed(1)} µs each)  [checksum ${sink % 997}]`,
  );
  console.log(
    `personalize: ours=${Math.round(oursRate)} reference=${Math.round(refRate)} ratio=${(oursRate / refRate).toFixed(2)} limit=${LIMIT} (${oursRate >= LIMIT ? "met" : "NOT met"})`,
  );
  return 0;
}
