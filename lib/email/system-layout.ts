/** Minimal, e-mail-client-safe layout for system messages (table layout, inline styles). */

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

export type SystemEmail = { subject: string; html: string; text: string };

/** Wraps paragraphs (plain strings, escaped here) and an optional button into a message. */
export function systemEmail(opts: {
  lang: "fi" | "en";
  subject: string;
  heading: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  footer: string;
}): SystemEmail {
  const p = opts.paragraphs
    .map(
      (t) =>
        `<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#1f2937">${escapeHtml(t)}</p>`,
    )
    .join("");
  const button = opts.button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(opts.button.url)}" style="background:#0b5cad;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600;display:inline-block">${escapeHtml(opts.button.label)}</a></p>`
    : "";
  const html = `<!doctype html><html lang="${opts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(opts.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px"><tr><td style="padding:32px">
<h1 style="margin:0 0 16px;font-size:22px;color:#111827">${escapeHtml(opts.heading)}</h1>${p}${button}
<p style="margin:32px 0 0;font-size:12px;color:#6b7280">${escapeHtml(opts.footer)}</p>
</td></tr></table></td></tr></table></body></html>`;
  const text = [
    opts.heading,
    "",
    ...opts.paragraphs.flatMap((t) => [t, ""]),
    ...(opts.button ? [`${opts.button.label}: ${opts.button.url}`, ""] : []),
    "--",
    opts.footer,
  ].join("\n");
  return { subject: opts.subject, html, text };
}
