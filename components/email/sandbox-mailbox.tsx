import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { MessageView } from "./message-view";

type Row = { id: string; subject: string; toAddress: string; createdAt: Date };
type Selected = Row & {
  fromAddress: string;
  sizeBytes: number;
  html: string | null;
  text: string;
  headers: Record<string, string>;
};

/** A sandbox mailbox: one page of messages, newest first, and the selected message beside it. */
export async function SandboxMailbox(props: {
  rows: Row[];
  total: number;
  selected: Selected | null;
  page: number;
  pageSize: number;
  basePath: string;
  empty: string;
  label: string;
}) {
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const { rows, total, selected, page } = props;
  const href = (q: Record<string, string | number>) =>
    `${props.basePath}?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;
  if (total === 0) return <EmptyState>{props.empty}</EmptyState>;
  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <Card title={t("total", { count: total })}>
        <ul className="divide-y divide-slate-100" aria-label={props.label}>
          {rows.map((r) => (
            <li key={r.id}>
              <Link
                href={href({ m: r.id, page })}
                aria-current={r.id === selected?.id ? "true" : undefined}
                className="block rounded px-2 py-2 hover:bg-slate-50 aria-[current]:bg-brand-50"
              >
                <span className="block truncate text-sm font-medium">{r.subject}</span>
                <span className="flex justify-between gap-2 text-xs text-slate-600">
                  <span className="truncate">{r.toAddress}</span>
                  <time dateTime={r.createdAt.toISOString()}>
                    {format.dateTime(r.createdAt, "short")}
                  </time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-3 flex justify-between text-sm">
          {page > 0 ? (
            <Link className="text-brand-700 underline" href={href({ page: page - 1 })}>
              {t("newer")}
            </Link>
          ) : (
            <span />
          )}
          {(page + 1) * props.pageSize < total ? (
            <Link className="text-brand-700 underline" href={href({ page: page + 1 })}>
              {t("older")}
            </Link>
          ) : null}
        </div>
      </Card>
      <Card>
        {selected ? (
          <MessageView
            message={{
              subject: selected.subject,
              from: selected.fromAddress,
              to: selected.toAddress,
              sent: format.dateTime(selected.createdAt, "short"),
              size: format.number(selected.sizeBytes / 1024, { maximumFractionDigits: 1 }) + " kB",
              html: selected.html,
              text: selected.text,
              headers: selected.headers,
            }}
          />
        ) : (
          <EmptyState>{t("select")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
