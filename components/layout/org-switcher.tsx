"use client";

import { useRouter } from "next/navigation";

/** Switches to another organisation of the user, keeping the user on its overview. */
export function OrgSwitcher({
  current,
  orgs,
  label,
}: {
  current: string;
  orgs: { slug: string; name: string }[];
  label: string;
}) {
  const router = useRouter();
  if (orgs.length < 2)
    return <span className="truncate text-sm font-medium text-slate-800">{orgs[0]?.name}</span>;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{label}</span>
      <select
        value={current}
        onChange={(e) => router.push(`/${e.target.value}`)}
        className="max-w-56 truncate rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-medium"
      >
        {orgs.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
