/**
 * Liquid merge tags inside rendered HTML. React, sanitize-html and juice escape `"`, `'`, `&`,
 * `<` and `>` in text and attributes, which turns `{{ first_name | default: "asiakas" }}` into
 * `{{ first_name | default: &quot;asiakas&quot; }}` — no longer valid Liquid. After rendering we
 * undo that escaping inside each tag: in text the tag gets its original characters back (the
 * personalization engine escapes what the tag outputs); inside an attribute value `"` becomes
 * `'` (Liquid accepts both quotes) so the attribute stays well-formed.
 */

const TAG_RE = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

const TEXT_ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&#34;": '"',
  "&#x22;": '"',
  "&#39;": "'",
  "&#x27;": "'",
  "&apos;": "'",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
};

const ENTITY_RE = /&(?:quot|apos|amp|lt|gt|#34|#39|#x22|#x27);/gi;

function unescapeText(tag: string): string {
  return tag.replace(ENTITY_RE, (e) => TEXT_ENTITIES[e.toLowerCase()] ?? e);
}

function unescapeAttribute(tag: string): string {
  // `<` and `>` stay escaped inside attributes; quotes become single quotes.
  return tag.replace(/&(?:quot|#34|#x22);/gi, "'").replace(/&amp;/gi, "&");
}

/** Restores Liquid tags in rendered HTML (see the module comment). */
export function restoreMergeTags(html: string): string {
  // Split into markup (`<…>`, where attribute values live) and text between tags. Rendered
  // HTML escapes `>` inside attribute values, so `<[^>]*>` finds whole tags.
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_m, markup?: string, text?: string) =>
    markup !== undefined
      ? markup.replace(TAG_RE, unescapeAttribute)
      : (text ?? "").replace(TAG_RE, unescapeText),
  );
}

/** True when a URL contains a Liquid tag (such links are personal and never tracked). */
export function hasMergeTag(s: string): boolean {
  return /\{\{|\{%/.test(s);
}
