import { getTranslations } from "next-intl/server";

/** A GET search form: the query lands in the URL, so results can be linked and reloaded. */
export async function ContactSearch({
  q,
  sort,
  dir,
  f,
}: {
  q: string;
  sort: string;
  dir: string;
  /** The active column filter, kept when searching. */
  f?: string;
}) {
  const t = await getTranslations("contacts");
  return (
    <form role="search" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="sort" value={sort} />
      <input type="hidden" name="dir" value={dir} />
      {f ? <input type="hidden" name="f" value={f} /> : null}
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor="contact-q" className="block text-sm font-medium text-slate-800">
          {t("search")}
        </label>
        <input
          id="contact-q"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={200}
          aria-describedby="contact-q-hint"
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <p id="contact-q-hint" className="text-xs text-slate-600">
          {t("searchHint")}
        </p>
      </div>
      <button
        type="submit"
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        {t("searchButton")}
      </button>
    </form>
  );
}
