/** A table's header row: one column header per label (falsy labels are left out). */
export function TableHead({ labels }: { labels: (React.ReactNode | false | null | undefined)[] }) {
  return (
    <thead className="border-b border-slate-200 text-slate-600">
      <tr>
        {labels.filter(Boolean).map((label, i) => (
          <th key={i} scope="col" className="px-2 py-2 text-left font-medium">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
