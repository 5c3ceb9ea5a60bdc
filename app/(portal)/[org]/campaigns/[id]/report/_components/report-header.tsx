import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The report's heading (campaign name, title, a live note) and, for editors, the CSV and
 * Excel download links of the per-recipient export; shared by the e-mail and SMS reports.
 */
export async function ReportHeader({
  name,
  base,
  note,
  canExport,
}: {
  name: string;
  /** The report's path, e.g. `/demo/campaigns/<id>/report`. */
  base: string;
  /** Shown under the title while numbers are still changing (sending, reports awaited). */
  note: string | null;
  canExport: boolean;
}) {
  const t = await getTranslations("reports");
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <p className="text-sm text-slate-600">{name}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {note ? (
          <p role="status" className="text-sm text-slate-600">
            {note}
          </p>
        ) : null}
      </div>
      {canExport ? (
        <p className="flex gap-3 text-sm">
          <Link
            className="text-brand-700 underline"
            href={`${base}/export?format=csv`}
            prefetch={false}
          >
            {t("exportCsv")}
          </Link>
          <Link
            className="text-brand-700 underline"
            href={`${base}/export?format=xlsx`}
            prefetch={false}
          >
            {t("exportXlsx")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
