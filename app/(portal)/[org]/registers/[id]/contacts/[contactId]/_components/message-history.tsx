import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ContactMessage } from "@/lib/tracking/report-rows";
import { TableHead } from "@/components/ui/table-head";

/** The campaigns sent to a contact, newest first, with what the person did with each. */
export async function MessageHistory({
  org,
  messages,
}: {
  org: string;
  messages: ContactMessage[];
}) {
  const t = await getTranslations("reports");
  const format = await getFormatter();
  if (messages.length === 0) return <p className="text-sm text-slate-600">{t("history.empty")}</p>;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <TableHead labels={[t("history.campaign"), t("history.sent"), t("history.engagement")]} />
        <tbody>
          {messages.map((m) => {
            const facts = [
              m.openedAt && `${t("history.opened")} ${when(m.openedAt)}`,
              m.clickedAt && `${t("history.clicked")} ${when(m.clickedAt)}`,
              m.bouncedAt &&
                `${t(m.bounceKind === "hard" ? "history.bouncedHard" : "history.bouncedSoft")} ${when(m.bouncedAt)}`,
              m.unsubscribedAt && `${t("history.unsubscribed")} ${when(m.unsubscribedAt)}`,
            ].filter(Boolean);
            return (
              <tr
                key={m.campaignId}
                className="border-b border-slate-100"
                data-testid="message-row"
              >
                <td className="px-2 py-2">
                  <Link
                    className="text-brand-700 hover:underline"
                    href={`/${org}/campaigns/${m.campaignId}/report`}
                  >
                    {m.name}
                  </Link>
                </td>
                <td className="px-2 py-2">{m.sentAt ? when(m.sentAt) : t("history.notSent")}</td>
                <td className="px-2 py-2">
                  {facts.length ? facts.join(" · ") : t("history.none")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
