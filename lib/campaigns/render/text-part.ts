import { convert } from "html-to-text";

/**
 * The plain-text part generated from the rendered HTML (E4): headings and paragraphs as lines,
 * lists with bullets, images dropped, links as "text (url)". No word wrapping, so URLs, link
 * sentinels and merge tags are never split across lines.
 */
export function htmlToText(html: string): string {
  // An image inside a link stands for the link's text: "Logo (url)" rather than a bare URL.
  // (Alt text is attribute-escaped, which is also valid as element text.)
  const withAlt = html.replace(
    /(<a\b[^>]*>)([\s\S]*?)(<\/a>)/gi,
    (_m, open: string, inner: string, close: string) =>
      open + inner.replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/gi, " $1 ") + close,
  );
  return convert(withAlt, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: "img", format: "skip" },
      // The preheader (React Email's Preview, or ours in designer HTML) is not body text.
      { selector: "[data-skip-in-text]", format: "skip" },
      { selector: "div.vk-preview", format: "skip" },
      {
        selector: "a",
        options: { linkBrackets: ["(", ")"], hideLinkHrefIfSameAsText: true, noAnchorUrl: true },
      },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "table", format: "block" },
      { selector: "tr", format: "block" },
      { selector: "td", format: "block" },
      { selector: "hr", format: "horizontalLine", options: { length: 20 } },
    ],
  })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
