import { createTranslator } from "next-intl";
import en from "@/messages/en/render.json";
import fi from "@/messages/fi/render.json";
import { UNSUBSCRIBE_SENTINEL } from "./types";

/**
 * The lines every marketing message ends with (E10, R9), whether or not the document has a
 * footer block: organisation name and address, the register's address-source statement, the
 * privacy-notice link and the unsubscribe/preferences link (`UNSUBSCRIBE_SENTINEL`).
 */
export type FooterInput = {
  addressSourceStatement: string | null;
  privacyUrl: string | null;
  organisationName: string;
  organisationAddress: string;
};

export type RenderLocale = "fi" | "en";

/** A translator of the `render` namespace in the recipient's language. */
export function renderT(
  locale: RenderLocale,
): (key: string, values?: Record<string, string | number>) => string {
  const t = createTranslator({
    locale,
    messages: { render: locale === "en" ? en : fi },
    namespace: "render",
  });
  return (key, values) => t(key as never, values as never);
}

/** HTML-escapes text for attribute or element content. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

type FooterColors = { textColor: string; linkColor: string; fontStack: string };

/** The compliance lines as HTML with inline styles (a `<div class="vk-footer">`). */
export function footerHtml(f: FooterInput, locale: RenderLocale, c: FooterColors): string {
  const t = renderT(locale);
  const p = (inner: string) =>
    `<p style="margin:0 0 8px;font-size:12px;line-height:18px;color:${c.textColor};font-family:${escapeHtml(c.fontStack)}">${inner}</p>`;
  const a = (href: string, label: string) =>
    `<a href="${escapeHtml(href)}" style="color:${c.linkColor};text-decoration:underline">${escapeHtml(label)}</a>`;
  const org = [f.organisationName, f.organisationAddress].map((s) => s.trim()).filter(Boolean);
  const lines: string[] = [];
  if (org.length) lines.push(p(org.map(escapeHtml).join(" · ")));
  const statement = f.addressSourceStatement?.trim();
  if (statement || f.privacyUrl)
    lines.push(
      p(
        [
          statement ? escapeHtml(statement) : "",
          f.privacyUrl ? a(f.privacyUrl, t("footer.privacy")) : "",
        ]
          .filter(Boolean)
          .join(" "),
      ),
    );
  lines.push(
    p(
      `${escapeHtml(t("footer.unsubscribeIntro"))} ${a(UNSUBSCRIBE_SENTINEL, t("footer.unsubscribe"))}`,
    ),
  );
  return `<div class="vk-footer">${lines.join("")}</div>`;
}

/** The compliance lines as plain text, for a hand-written text part. */
export function footerText(f: FooterInput, locale: RenderLocale): string {
  const t = renderT(locale);
  const org = [f.organisationName, f.organisationAddress].map((s) => s.trim()).filter(Boolean);
  const lines = ["--"];
  if (org.length) lines.push(org.join(" · "));
  if (f.addressSourceStatement?.trim()) lines.push(f.addressSourceStatement.trim());
  if (f.privacyUrl) lines.push(t("footer.privacyText", { url: f.privacyUrl }));
  lines.push(t("footer.unsubscribeText", { url: UNSUBSCRIBE_SENTINEL }));
  return lines.join("\n");
}
