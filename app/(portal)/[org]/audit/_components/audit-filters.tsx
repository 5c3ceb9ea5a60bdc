import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditFilters } from "@/lib/audit/queries";
import { Button } from "@/components/ui/button";

const input =
  "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600";

/** The audit page's filters: a plain GET form, so filtered views can be linked and work without JavaScript. */
export async function AuditFilterForm({
  org,
  filters,
  actions,
  actors,
}: {
  org: string;
  filters: AuditFilters;
  actions: { value: string; label: string }[];
  actors: { id: string; label: string }[];
}) {
  const t = await getTranslations("audit");
  return (
    <form
      method="get"
      action={`/${org}/audit`}
      aria-label={t("filters")}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="space-y-1">
        <label htmlFor="audit-action" className="block text-sm font-medium text-slate-800">
          {t("action")}
        </label>
        <select
          id="audit-action"
          name="action"
          defaultValue={filters.action ?? ""}
          className={input}
        >
          <option value="">{t("allActions")}</option>
          {actions.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-actor" className="block text-sm font-medium text-slate-800">
          {t("actor")}
        </label>
        <select
          id="audit-actor"
          name="actor"
          defaultValue={filters.actorId ?? ""}
          className={input}
        >
          <option value="">{t("allActors")}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-from" className="block text-sm font-medium text-slate-800">
          {t("from")}
        </label>
        <input
          id="audit-from"
          type="date"
          name="from"
          defaultValue={filters.from ?? ""}
          className={input}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-to" className="block text-sm font-medium text-slate-800">
          {t("to")}
        </label>
        <input
          id="audit-to"
          type="date"
          name="to"
          defaultValue={filters.to ?? ""}
          className={input}
        />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit">{t("apply")}</Button>
        <Link href={`/${org}/audit`} className="text-sm text-brand-700 underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
