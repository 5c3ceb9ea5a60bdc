import { getTranslations } from "next-intl/server";
import { splitFailureReason, type FailureReason } from "@/lib/sms/campaign-report";
import { TableHead } from "@/components/ui/table-head";

/** Kannel report types with a name of their own (others are named by number). */
const NAMED_DLR = new Set([2, 16]);

/** A failure reason in words: a delivery report's type named, other reasons as stored. */
export function describeFailure(t: (key: string, v?: { type: number }) => string, reason: string) {
  if (!reason) return t("unknown");
  const { dlrType, detail } = splitFailureReason(reason);
  if (dlrType === null) return reason;
  const kind = NAMED_DLR.has(dlrType) ? t(`dlr${dlrType}`) : t("dlrOther", { type: dlrType });
  return detail ? `${kind}: ${detail}` : kind;
}

/** The most common failure reasons with their recipient counts. */
export async function SmsFailures({ failures }: { failures: FailureReason[] }) {
  const t = await getTranslations("reports.sms.failures");
  if (failures.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const describe = (reason: string) => describeFailure(t, reason);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <TableHead labels={[t("reason"), t("count")]} />
        <tbody>
          {failures.map((f) => (
            <tr key={f.reason} className="border-b border-slate-100" data-testid="failure-row">
              <td className="px-2 py-2 break-words">{describe(f.reason)}</td>
              <td className="px-2 py-2 tabular-nums">{f.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
