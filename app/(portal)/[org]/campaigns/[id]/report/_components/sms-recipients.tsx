import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  SMS_RECIPIENTS_PAGE,
  SMS_STATUS_FILTERS,
  type SmsRecipient,
  type SmsStatusFilter,
} from "@/lib/sms/campaign-report-rows";
import { Pager } from "@/components/ui/pager";
import { TableHead } from "@/components/ui/table-head";
import { describeFailure } from "./sms-failures";

const TONE: Record<SmsRecipient["status"], string> = {
  queued: "bg-slate-100 text-slate-700",
  sent: "bg-sky-50 text-sky-800",
  delivered: "bg-emerald-50 text-emerald-800",
  failed: "bg-red-50 text-red-800",
  bounced: "bg-red-50 text-red-800",
};

/**
 * The SMS report's recipients: a status filter (with counts), one page of rows (number, name
 * linking to the contact while it exists, status, parts, sent, delivered, error) and a pager.
 */
export async function SmsRecipients({
  org,
  base,
  list,
  status,
  page,
  counts,
}: {
  org: string;
  base: string;
  list: { rows: SmsRecipient[]; total: number };
  status: SmsStatusFilter;
  page: number;
  counts: Record<SmsStatusFilter, number>;
}) {
  const t = await getTranslations("reports");
  const tf = await getTranslations("reports.sms.failures");
  const format = await getFormatter();
  const href = (s: SmsStatusFilter, p: number) => `${base}?s=${s}&p=${p}`;
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "short", timeStyle: "medium" }) : "–";
  const pages = Math.ceil(list.total / SMS_RECIPIENTS_PAGE);
  return (
    <div className="space-y-3">
      <nav aria-label={t("sms.recipients.filter")} className="flex flex-wrap gap-2 text-sm">
        {SMS_STATUS_FILTERS.map((s) => (
          <Link
            key={s}
            href={href(s, 0)}
            aria-current={s === status ? "page" : undefined}
            className="rounded-full border border-slate-200 px-3 py-1 hover:bg-slate-50 aria-[current]:border-brand-600 aria-[current]:bg-brand-50 aria-[current]:font-semibold"
          >
            {t(`sms.recipients.filters.${s}`)}{" "}
            <span className="tabular-nums text-slate-500">{format.number(counts[s])}</span>
          </Link>
        ))}
      </nav>
      {list.total === 0 ? (
        <p className="text-sm text-slate-600">{t("sms.recipients.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <TableHead
              labels={[
                t("sms.recipients.number"),
                t("sms.recipients.name"),
                t("sms.recipients.status"),
                t("sms.recipients.parts"),
                t("sms.recipients.sentAt"),
                t("sms.recipients.deliveredAt"),
                t("sms.recipients.error"),
              ]}
            />
            <tbody>
              {list.rows.map((r) => (
                <tr
                  key={r.deliveryId}
                  className="border-b border-slate-100 align-top"
                  data-testid="sms-recipient"
                >
                  <td className="px-2 py-2 font-mono whitespace-nowrap">{r.number}</td>
                  <td className="px-2 py-2">
                    {r.contactId && r.registerId ? (
                      <Link
                        className="text-brand-700 hover:underline"
                        href={`/${org}/registers/${r.registerId}/contacts/${r.contactId}`}
                      >
                        {r.name || r.number}
                      </Link>
                    ) : (
                      <span className="text-slate-500">{t("deletedContact")}</span>
                    )}
                  </td>
                  <td className="px-2 py-2">
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[r.status]}`}>
                      {t(`sms.statuses.${r.status}`)}
                    </span>
                  </td>
                  <td className="px-2 py-2 tabular-nums">{r.parts ?? "–"}</td>
                  <td className="px-2 py-2 whitespace-nowrap">{when(r.sentAt)}</td>
                  <td className="px-2 py-2 whitespace-nowrap">{when(r.deliveredAt)}</td>
                  <td className="max-w-xs px-2 py-2 break-words text-slate-700">
                    {r.error ? describeFailure(tf, r.error) : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        pages={pages}
        href={(p) => href(status, p)}
        label={t("pageOf", { page: page + 1, pages })}
        previous={t("previous")}
        next={t("next")}
      />
    </div>
  );
}
