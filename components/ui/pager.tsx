import Link from "next/link";

/** Previous / "page N of M" / next links for offset-paged lists; nothing when one page. */
export function Pager({
  page,
  pages,
  href,
  label,
  previous,
  next,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  label: string;
  previous: string;
  next: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between text-sm">
      {page > 0 ? (
        <Link className="text-brand-700 underline" href={href(page - 1)}>
          {previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{label}</span>
      {page + 1 < pages ? (
        <Link className="text-brand-700 underline" href={href(page + 1)}>
          {next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
