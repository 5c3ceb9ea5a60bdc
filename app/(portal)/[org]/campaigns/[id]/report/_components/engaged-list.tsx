import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { EngagedPerson } from "@/lib/tracking/report-rows";
import { Pager } from "@/components/ui/pager";

/** A paged list of recipients who opened or clicked, names linking to their contact page. */
export async function EngagedList({
  org,
  list,
  page,
  pages,
  href,
  empty,
}: {
  org: string;
  list: { rows: EngagedPerson[]; total: number };
  page: number;
  pages: number;
  href: (page: number) => string;
  empty: string;
}) {
  const t = await getTranslations("reports");
  const format = await getFormatter();
  if (list.total === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 text-sm">
        {list.rows.map((p) => (
          <li key={p.deliveryId} className="flex justify-between gap-3 py-2" data-testid="engaged">
            <span>
              {p.contactId && p.registerId ? (
                <Link
                  className="text-brand-700 hover:underline"
                  href={`/${org}/registers/${p.registerId}/contacts/${p.contactId}`}
                >
                  {p.name || p.address}
                </Link>
              ) : (
                <span>{t("deletedContact")}</span>
              )}
              {p.name && p.contactId ? (
                <span className="ml-2 text-slate-500">{p.address}</span>
              ) : null}
            </span>
            <span className="shrink-0 text-slate-600">
              {format.dateTime(p.at, { dateStyle: "short", timeStyle: "short" })}
            </span>
          </li>
        ))}
      </ul>
      <Pager
        page={page}
        pages={pages}
        href={href}
        label={t("pageOf", { page: page + 1, pages })}
        previous={t("previous")}
        next={t("next")}
      />
    </>
  );
}
