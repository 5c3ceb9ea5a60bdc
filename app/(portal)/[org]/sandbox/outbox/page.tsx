import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { getSandboxEmail, listSandboxEmails } from "@/lib/email/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { MessageView } from "./_components/message-view";

const PAGE = 50;

export async function generateMetadata() {
  return { title: (await getTranslations("outbox"))("title") };
}

export default async function SandboxOutboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ m?: string; page?: string }>;
}) {
  const { org } = await params;
  const { m: selectedId, page: pageParam } = await searchParams;
  const member = await requireMembership(org);
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const db = await getDb();
  const page = Math.max(0, Number(pageParam) || 0);
  const { rows, total } = await listSandboxEmails(db, member.orgId, { limit: PAGE, offset: page * PAGE });
  const selected = selectedId ? await getSandboxEmail(db, member.orgId, selectedId) : null;
  const href = (q: Record<string, string | number>) => `/${org}/sandbox/outbox?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      {total === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <div className="grid gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <Card title={t("total", { count: total })}>
            <ul className="divide-y divide-slate-100" aria-label={t("title")}>
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
                      <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt, "short")}</time>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <div className="mt-3 flex justify-between text-sm">
              {page > 0 ? <Link className="text-brand-700 underline" href={href({ page: page - 1 })}>{t("newer")}</Link> : <span />}
              {(page + 1) * PAGE < total ? <Link className="text-brand-700 underline" href={href({ page: page + 1 })}>{t("older")}</Link> : null}
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
      )}
    </div>
  );
}
