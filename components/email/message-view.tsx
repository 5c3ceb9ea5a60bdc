"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

type Message = {
  subject: string;
  from: string;
  to: string;
  sent: string;
  size: string;
  html: string | null;
  text: string;
  headers: Record<string, string>;
};

/**
 * Links in a viewed message open in a new tab: the frame may open pop-ups that escape its
 * sandbox (so the opened page is an ordinary page of its own), but it still runs no scripts and
 * cannot navigate this page. A `<base target>` does this without touching the stored message.
 */
function linksInNewTab(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => m + base) : base + html;
}

const URL_RE = /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'])/g;

/** The text part with its http(s) addresses as links (React escapes everything else). */
function LinkedText({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_RE).map((part, i) =>
        i % 2 === 1 ? (
          <a
            key={i}
            href={part}
            target="_blank"
            rel="noopener noreferrer"
            className="text-brand-700 underline"
          >
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** One sandbox message: HTML (in a sandboxed frame, no scripts), text part and headers. */
export function MessageView({ message }: { message: Message }) {
  const t = useTranslations("outbox");
  const tabs = [...(message.html ? (["html"] as const) : []), "text", "headers"] as const;
  const [tab, setTab] = useState<(typeof tabs)[number]>(tabs[0]);
  return (
    <article>
      <h2 className="mb-2 text-lg font-semibold">{message.subject}</h2>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("from")}</dt>
        <dd className="break-all">{message.from}</dd>
        <dt className="text-slate-600">{t("to")}</dt>
        <dd className="break-all">{message.to}</dd>
        <dt className="text-slate-600">{t("sent")}</dt>
        <dd>{message.sent}</dd>
        <dt className="text-slate-600">{t("size")}</dt>
        <dd>{message.size}</dd>
      </dl>
      <div role="tablist" className="mb-3 flex gap-1 border-b border-slate-200">
        {tabs.map((k) => (
          <button
            key={k}
            role="tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm aria-selected:border-brand-600 aria-selected:font-semibold"
          >
            {t(k)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === "html" && message.html ? (
          <iframe
            title={t("html")}
            data-testid="message-html"
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcDoc={linksInNewTab(message.html)}
            className="h-[600px] w-full rounded border border-slate-200 bg-white"
          />
        ) : tab === "text" ? (
          <pre className="max-h-[600px] overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-sm">
            <LinkedText text={message.text} />
          </pre>
        ) : (
          <table className="w-full text-left text-sm">
            <tbody>
              {Object.entries(message.headers).map(([k, v]) => (
                <tr key={k} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-4 font-mono font-medium">
                    {k}
                  </th>
                  <td className="break-all py-1 font-mono">{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </article>
  );
}
