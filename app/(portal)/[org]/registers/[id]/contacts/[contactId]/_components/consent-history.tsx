import { getFormatter, getTranslations } from "next-intl/server";
import type { ConsentEvent } from "@/lib/consent/ledger";
import { EmptyState } from "@/components/ui/card";

/** The contact's consent events, newest first, times in Helsinki time. */
export async function ConsentHistory({
  events,
  actors,
}: {
  events: ConsentEvent[];
  actors: Record<string, string>;
}) {
  const t = await getTranslations("consent");
  const format = await getFormatter();
  if (events.length === 0) return <EmptyState>{t("historyEmpty")}</EmptyState>;
  const th = "px-2 py-2 text-left font-medium text-slate-600";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200">
          <tr>
            <th scope="col" className={th}>
              {t("time")}
            </th>
            <th scope="col" className={th}>
              {t("channelCol")}
            </th>
            <th scope="col" className={th}>
              {t("actionCol")}
            </th>
            <th scope="col" className={th}>
              {t("sourceCol")}
            </th>
            <th scope="col" className={th}>
              {t("fromCol")}
            </th>
            <th scope="col" className={th}>
              {t("wordingCol")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.id} data-testid="consent-event">
              <td className="px-2 py-2 whitespace-nowrap">
                {format.dateTime(e.createdAt, {
                  year: "numeric",
                  month: "numeric",
                  day: "numeric",
                  hour: "2-digit",
                  minute: "2-digit",
                  second: "2-digit",
                  timeZone: "Europe/Helsinki",
                })}
              </td>
              <td className="px-2 py-2">{t(`channel.${e.channel}`)}</td>
              <td className="px-2 py-2 font-medium">{t(`action.${e.action}`)}</td>
              <td className="px-2 py-2">
                {t(`source.${e.source}`)}
                {e.actorId && actors[e.actorId] ? (
                  <span className="block text-xs text-slate-600">
                    {t("byUser", { email: actors[e.actorId]! })}
                  </span>
                ) : null}
              </td>
              <td className="px-2 py-2 font-mono text-xs">{e.ip || e.phone || "–"}</td>
              <td className="max-w-xs px-2 py-2 text-slate-700">{e.wording || "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
