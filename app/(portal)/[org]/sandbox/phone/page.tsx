import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { listInboundSms, listSandboxMessages, listSandboxNumbers } from "@/lib/sms/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { InboundSmsForm, TestSmsForm } from "./_components/sms-forms";

export async function generateMetadata() {
  return { title: (await getTranslations("phone"))("title") };
}

export default async function SandboxPhonePage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ n?: string }>;
}) {
  const { org } = await params;
  const { n: number } = await searchParams;
  const m = await requireMembership(org);
  const t = await getTranslations("phone");
  const format = await getFormatter();
  const db = await getDb();
  const [numbers, inbound, messages] = await Promise.all([
    listSandboxNumbers(db, m.orgId),
    listInboundSms(db, m.orgId),
    number ? listSandboxMessages(db, m.orgId, number) : Promise.resolve([]),
  ]);
  const canSend = hasRole(m.role, "editor");

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <Card title={t("numbers")}>
          {numbers.length === 0 ? (
            <EmptyState>{t("noNumbers")}</EmptyState>
          ) : (
            <ul className="space-y-1">
              {numbers.map((r) => (
                <li key={r.recipient}>
                  <Link
                    href={`/${org}/sandbox/phone?n=${encodeURIComponent(r.recipient)}`}
                    aria-current={r.recipient === number ? "true" : undefined}
                    className="flex justify-between rounded px-2 py-1.5 text-sm hover:bg-slate-50 aria-[current]:bg-brand-50 aria-[current]:font-semibold"
                  >
                    <span className="font-mono">{r.recipient}</span>
                    <span className="text-slate-500 tabular-nums">{r.messages}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-4">
          <Card title={number ? t("messagesTo", { number }) : t("title")}>
            {!number ? (
              <EmptyState>{t("pickNumber")}</EmptyState>
            ) : (
              <ol className="mx-auto max-w-md space-y-3" aria-label={t("messagesTo", { number })}>
                {messages.map((s) => (
                  <li key={s.id} className="rounded-2xl rounded-tl-sm bg-slate-100 p-3">
                    <p className="mb-1 text-xs font-semibold text-slate-700">{s.sender}</p>
                    {s.campaignId ? (
                      <p className="mb-1 text-xs text-slate-600">
                        {t("campaign")}{" "}
                        <Link
                          className="text-brand-700 underline"
                          href={`/${org}/campaigns/${s.campaignId}/report`}
                        >
                          {s.campaignName}
                        </Link>
                      </p>
                    ) : null}
                    <p className="whitespace-pre-wrap text-sm">{s.body}</p>
                    <p className="mt-2 text-xs text-slate-500">
                      {format.dateTime(s.createdAt, "short")} · {t("parts", { count: s.parts })} ·{" "}
                      {s.encoding === "gsm7" ? "GSM-7" : "UCS-2"}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </Card>
          {canSend ? (
            <div className="grid gap-4 xl:grid-cols-2">
              <Card title={t("sendTest")}>
                <TestSmsForm org={org} defaultTo={number ?? ""} />
              </Card>
              <Card title={t("inboundTitle")}>
                <InboundSmsForm org={org} defaultFrom={number ?? ""} />
              </Card>
            </div>
          ) : null}
          <Card title={t("inboundList")}>
            {inbound.length === 0 ? (
              <EmptyState>{t("noInbound")}</EmptyState>
            ) : (
              <table className="w-full text-left text-sm">
                <tbody>
                  {inbound.map((i) => (
                    <tr key={i.id} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-3 font-mono">{i.sender}</td>
                      <td className="py-2 pr-3 font-mono">{i.shortCode}</td>
                      <td className="py-2 pr-3 whitespace-pre-wrap">{i.body}</td>
                      <td className="py-2 text-slate-500">
                        {format.dateTime(i.receivedAt, "short")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
