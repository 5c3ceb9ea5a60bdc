/**
 * An approximation of how a message looks in a mail client's dark mode, for the preview iframe.
 * Clients differ: Apple Mail and Outlook.com honour the message's own
 * `@media (prefers-color-scheme: dark)` rules and `color-scheme`; the Gmail and Outlook apps
 * repaint light backgrounds dark themselves. An iframe cannot be told to prefer dark, so:
 * - the message's own dark-mode rules are made unconditional (what the honouring clients show);
 * - a message without any is shown with a full inversion (light ↔ dark, hues kept, images
 *   re-inverted so they look as sent) — close to the repainting clients, not pixel-exact.
 */
export function darkModeHtml(html: string): string {
  const darkRule = /@media[^{]*prefers-color-scheme\s*:\s*dark[^{]*\{/gi;
  const hasOwnDark = darkRule.test(html);
  const meta =
    '<meta name="color-scheme" content="dark"><meta name="supported-color-schemes" content="light dark">';
  const forced = hasOwnDark
    ? "<style>:root{color-scheme:dark}</style>"
    : "<style>:root{color-scheme:dark}html{background:#fff;filter:invert(1) hue-rotate(180deg)}img,picture,video,[style*='background-image']{filter:invert(1) hue-rotate(180deg)}</style>";
  const body = html.replace(darkRule, "@media all {");
  return /<head[^>]*>/i.test(body)
    ? body.replace(/<head[^>]*>/i, (m) => `${m}${meta}${forced}`)
    : `<!doctype html><html><head>${meta}${forced}</head><body>${body}</body></html>`;
}

/** Opens links of a previewed message in a new tab (the sandboxed frame cannot navigate itself). */
export function withBaseTarget(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (m) => `${m}${base}`)
    : `${base}${html}`;
}
