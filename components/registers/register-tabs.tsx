"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type RegisterTab = { href: string; label: string; exact?: boolean };

/** The sections of one register as tabs; the current one is marked for screen readers too. */
export function RegisterTabs({ tabs, label }: { tabs: RegisterTab[]; label: string }) {
  const path = usePathname();
  return (
    <nav aria-label={label} className="-mb-px flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => {
        const active = tab.exact
          ? path === tab.href || path.startsWith(`${tab.href}/contacts`)
          : path === tab.href || path.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className="whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm text-slate-600 hover:text-slate-900 aria-[current=page]:border-brand-600 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700"
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
