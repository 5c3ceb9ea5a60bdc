import { convert } from "html-to-text";

/**
 * The plain-text part generated from the rendered HTML (E4): headings and paragraphs as lines,
 * lists with bullets, images dropped, links as "text (url)". No word wrapping, so URLs, link
 * sentinels and merge tags are never split across lines.
 */
export function htmlToText(html: string): string {
  return convert(html, {
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
