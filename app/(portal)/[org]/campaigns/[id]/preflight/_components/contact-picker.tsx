import { getTranslations } from "next-intl/server";
import type { PickerContact } from "@/lib/campaigns/preview";
import { Card } from "@/components/ui/card";

const input = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm";
const button = "rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50";

/** Search the campaign's register and choose whom the preview is personalised as (plain GET). */
export async function ContactPicker({
  org,
  campaignId,
  q,
  contacts,
  current,
}: {
  org: string;
  campaignId: string;
  q: string;
  contacts: PickerContact[];
  current: PickerContact | null;
}) {
  const t = await getTranslations("preflight.contact");
  const action = `/${org}/campaigns/${campaignId}/preflight`;
  const options =
    current && !contacts.some((c) => c.id === current.id) ? [current, ...contacts] : contacts;
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm" data-testid="preview-contact">
        {current ? t("current", { name: current.label }) : t("none")}
      </p>
      <div className="flex flex-wrap items-end gap-4">
        <form action={action} className="flex flex-wrap items-end gap-2" role="search">
          <div className="min-w-56 space-y-1">
            <label htmlFor="pf-q" className="block text-sm font-medium text-slate-800">
              {t("search")}
            </label>
            <input id="pf-q" name="q" defaultValue={q} className={input} />
          </div>
          <button type="submit" className={button}>
            {t("searchButton")}
          </button>
        </form>
        {options.length > 0 ? (
          <form action={action} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="q" value={q} />
            <div className="min-w-64 space-y-1">
              <label htmlFor="pf-contact" className="block text-sm font-medium text-slate-800">
                {t("choose")}
              </label>
              <select id="pf-contact" name="contact" defaultValue={current?.id} className={input}>
                {options.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={button}>
              {t("show")}
            </button>
          </form>
        ) : q ? (
          <p className="text-sm text-slate-600">{t("noMatches")}</p>
        ) : null}
      </div>
    </Card>
  );
}
