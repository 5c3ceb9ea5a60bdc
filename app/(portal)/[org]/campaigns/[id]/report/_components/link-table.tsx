import { getTranslations } from "next-intl/server";
import type { LinkClicks } from "@/lib/tracking/report";
import { TableHead } from "@/components/ui/table-head";

/** Clicks per link of the message: its text and address, total and unique clicks. */
export async function LinkTable({ links }: { links: LinkClicks[] }) {
  const t = await getTranslations("reports");
  if (links.length === 0) return <p className="text-sm text-slate-600">{t("links.empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <TableHead
          labels={[t("links.label"), t("links.url"), t("links.total"), t("links.unique")]}
        />
        <tbody>
          {links.map((l) => (
            <tr key={l.idx} className="border-b border-slate-100" data-testid="link-row">
              <td className="px-2 py-2">{l.label || "–"}</td>
              <td className="max-w-md truncate px-2 py-2" title={l.url}>
                {l.url}
              </td>
              <td className="px-2 py-2 tabular-nums">{l.total}</td>
              <td className="px-2 py-2 tabular-nums">{l.unique}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
