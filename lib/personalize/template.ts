import { Liquid, type Template } from "liquidjs";
import { AppError } from "@/lib/errors";

/**
 * Merge tags (E3, and the SMS texts of S1): Liquid templates such as
 * `Hei {{ first_name | default: "asiakas" }}!` compiled once per campaign and rendered per
 * recipient. The engine is LiquidJS with everything that could reach outside the template
 * switched off: no file system (include/render/layout find nothing), a short list of filters,
 * no prototype access, and limits on template size, render time and memory. Unknown fields are
 * refused when the message is saved, with the field named, rather than sent as empty text.
 */

/** Filters people use in messages; any other filter is a save-time error. */
const FILTERS = [
  "default",
  "upcase",
  "downcase",
  "capitalize",
  "strip",
  "truncate",
  "truncatewords",
  "replace",
  "append",
  "prepend",
  "date",
  "escape",
  "url_encode",
  "size",
  "plus",
  "minus",
  "round",
] as const;

/** Tags that need a file system, keep state across renders or can loop without input. */
const FORBIDDEN_TAGS = [
  "include",
  "render",
  "layout",
  "block",
  "tablerow",
  "cycle",
  "increment",
  "decrement",
];

/** Longest template source accepted (characters). */
export const TEMPLATE_MAX_LENGTH = 500_000;

function engine(html: boolean): Liquid {
  const liquid = new Liquid({
    templates: {}, // include/render/layout resolve only here: nothing
    strictFilters: true,
    strictVariables: false, // a contact without a city renders "" (or the default)
    ownPropertyOnly: true,
    outputEscape: html ? "escape" : undefined,
    timezoneOffset: "Europe/Helsinki",
    parseLimit: TEMPLATE_MAX_LENGTH,
    renderLimit: 200,
    memoryLimit: 10_000_000,
  });
  for (const name of Object.keys(liquid.filters))
    if (!(FILTERS as readonly string[]).includes(name)) delete liquid.filters[name];
  for (const tag of FORBIDDEN_TAGS) delete liquid.tags[tag];
  return liquid;
}

const engines = { html: engine(true), text: engine(false) };

export type TemplateKind = keyof typeof engines;

export type CompiledTemplate = {
  readonly kind: TemplateKind;
  readonly source: string;
  /** The merge fields the template reads (first path segment), sorted. */
  readonly fields: string[];
  readonly templates: Template[];
};

/**
 * A template that cannot be saved. `userMessage` is "personalize.errors.KEY|param=value" (the
 * form the form fields translate), naming the unknown field, tag, filter or line.
 */
function templateError(key: string, params: Record<string, string | number>) {
  const encoded = Object.entries(params)
    .map(([k, v]) => `|${k}=${String(v).replace(/[|=]/g, " ")}`)
    .join("");
  return new AppError("BAD_REQUEST", { userMessage: `personalize.errors.${key}${encoded}` });
}

/**
 * Parses and checks a template: Liquid syntax, allowed tags and filters, and that every field
 * it reads is one of `fields` (e.g. first_name, last_name, email, phone and the register's
 * column keys). Throws an AppError (BAD_REQUEST) naming the unknown field, tag or filter, or
 * the line of a syntax error.
 */
export function compileTemplate(
  source: string,
  opts: { kind: TemplateKind; fields: Iterable<string> },
): CompiledTemplate {
  if (source.length > TEMPLATE_MAX_LENGTH)
    throw templateError("tooLong", { max: TEMPLATE_MAX_LENGTH });
  const liquid = engines[opts.kind];
  let templates: Template[];
  try {
    templates = liquid.parse(source);
  } catch (err) {
    throw syntaxError(err);
  }
  const allowed = new Set(opts.fields);
  const used = new Set<string>();
  let segments: unknown[][];
  try {
    segments = liquid.globalVariableSegmentsSync(templates) as unknown[][];
  } catch (err) {
    throw syntaxError(err);
  }
  for (const segs of segments) {
    const head = segs[0];
    if (typeof head !== "string") continue;
    if (!allowed.has(head)) throw templateError("unknownField", { field: head });
    used.add(head);
  }
  return { kind: opts.kind, source, fields: [...used].sort(), templates };
}

function syntaxError(err: unknown) {
  const e = err as { message?: string; token?: { getPosition?: () => [number, number] } };
  const message = String(e.message ?? err);
  const tag = /tag "?([\w-]+)"? not found/i.exec(message)?.[1];
  if (tag) return templateError("unknownTag", { tag });
  const filter = /undefined filter:?\s*"?([\w-]+)"?/i.exec(message)?.[1];
  if (filter) return templateError("unknownFilter", { filter });
  const line = e.token?.getPosition?.()[0] ?? Number(/line:(\d+)/.exec(message)?.[1] ?? 0);
  return templateError("syntax", { line, detail: message.replace(/, line:\d+, col:\d+$/, "") });
}

/** A value a template can print: text, number, boolean or nothing. */
export type MergeValue = string | number | boolean | null | undefined;

/**
 * Renders a compiled template for one recipient. `values` holds only plain values (no objects),
 * so a template can read nothing but the recipient's own fields. Throws when a render limit
 * is hit (a runaway loop), which the caller records as that recipient's failure.
 */
export function renderTemplate(t: CompiledTemplate, values: Record<string, MergeValue>): string {
  return engines[t.kind].renderSync(t.templates, values) as string;
}
