/** The white panel of a public page, headed by the organisation's name. */
export function PublicCard({
  orgName,
  title,
  children,
}: {
  orgName?: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {orgName ? <p className="text-sm font-medium text-slate-600">{orgName}</p> : null}
      <h1 className="mb-4 text-2xl font-semibold text-slate-900">{title}</h1>
      <div className="space-y-4">{children}</div>
    </section>
  );
}
