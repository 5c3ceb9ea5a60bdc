import { escapeHtml } from "@/lib/email/system-layout";
import { HONEYPOT } from "./join";
import type { FormField } from "./register";

export type EmbedLabels = {
  submit: string;
  required: string;
  yes: string;
  honeypot: string;
};

/** Inline script of the form code: measures the fill time (see fill-time.ts) and sends it as `t`. */
const TIMER = `<script>(function(f){var s=Date.now();f.addEventListener("submit",function(){f.elements.t.value="e"+(Date.now()-s)})})(document.currentScript.previousElementSibling)</script>`;

const HIDDEN = `position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden`;

function input(f: FormField, id: string, labels: EmbedLabels): string {
  const req = f.required ? " required" : "";
  const label = `${escapeHtml(f.label)}${f.required ? ` ${labels.required}` : ""}`;
  const name = escapeHtml(f.name);
  if (f.type === "multi_choice" || (f.type === "single_choice" && f.options.length <= 4)) {
    const kind = f.type === "multi_choice" ? "checkbox" : "radio";
    const opts = f.options
      .map(
        (o) =>
          `    <label><input type="${kind}" name="${name}" value="${escapeHtml(o)}"${kind === "radio" ? req : ""}> ${escapeHtml(o)}</label><br>`,
      )
      .join("\n");
    return `  <fieldset>\n    <legend>${label}</legend>\n${opts}\n  </fieldset>`;
  }
  if (f.type === "single_choice") {
    const opts = f.options.map((o) => `<option>${escapeHtml(o)}</option>`).join("");
    return `  <p><label for="${id}">${label}</label><br><select id="${id}" name="${name}"${req}><option value=""></option>${opts}</select></p>`;
  }
  if (f.type === "boolean")
    return `  <p><label><input type="checkbox" name="${name}" value="true"> ${label}</label></p>`;
  const type =
    f.type === "email" ? "email" : f.type === "phone" ? "tel" : f.type === "date" ? "date" : "text";
  const extra =
    f.type === "email" ? ' autocomplete="email"' : f.type === "phone" ? ' autocomplete="tel"' : "";
  return `  <p><label for="${id}">${label}</label><br><input id="${id}" type="${type}" name="${name}"${extra}${req}></p>`;
}

/**
 * Copy-paste HTML for a customer's own site: a plain POST form to our endpoint with the chosen
 * fields, the honeypot (off-screen, not tabbable), the fill-time field set by a tiny inline script
 * on submit, and for joining the consent checkbox with the register's wording. Works on any
 * origin; our endpoint answers with a redirect to our thank-you page.
 */
export function embedFormHtml(opts: {
  action: string;
  fields: FormField[];
  labels: EmbedLabels;
  consentWording?: string;
  idPrefix: string;
  /** Language of the labels; sent as `lang` so mails and stored wordings use it too. */
  lang: "fi" | "en";
}): string {
  const lines = [
    `<form method="post" action="${escapeHtml(opts.action)}" accept-charset="UTF-8">`,
    ...opts.fields.map((f) => input(f, `${opts.idPrefix}-${f.key}`, opts.labels)),
    `  <div style="${HIDDEN}" aria-hidden="true"><label>${escapeHtml(opts.labels.honeypot)} <input type="text" name="${HONEYPOT}" tabindex="-1" autocomplete="off"></label></div>`,
    `  <input type="hidden" name="t" value="">`,
    `  <input type="hidden" name="lang" value="${opts.lang}">`,
  ];
  if (opts.consentWording !== undefined)
    lines.push(
      `  <p><label><input type="checkbox" name="consent" value="yes" required> ${escapeHtml(opts.consentWording)}</label></p>`,
    );
  lines.push(
    `  <p><button type="submit">${escapeHtml(opts.labels.submit)}</button></p>`,
    `</form>`,
    TIMER,
  );
  return lines.join("\n");
}
