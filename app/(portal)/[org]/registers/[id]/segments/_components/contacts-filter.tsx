"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { FieldDescription } from "@/lib/segments/fields";
import { EMPTY_FILTER, type FilterGroup } from "@/lib/segments/schemas";
import { FilterBuilder } from "./filter-builder";

/**
 * The contacts list's column filter (R2): opens the segment filter builder and applies the filter
 * through the `f` URL parameter, so a filtered list can be linked, reloaded and saved as a segment.
 */
export function ContactsFilter({
  org,
  registerId,
  fields,
  active,
  canSave,
}: {
  org: string;
  registerId: string;
  fields: FieldDescription[];
  active: FilterGroup | null;
  canSave: boolean;
}) {
  const t = useTranslations("segments");
  const router = useRouter();
  const [open, setOpen] = useState(Boolean(active));
  const [tree, setTree] = useState<FilterGroup>(active ?? EMPTY_FILTER);
  const base = `/${org}/registers/${registerId}`;
  const param = encodeURIComponent(JSON.stringify(tree));
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {t("filterButton")}
      </Button>
    );
  return (
    <section
      aria-label={t("filterTitle")}
      className="space-y-3 rounded-md border border-slate-200 p-3"
    >
      <h2 className="text-sm font-semibold">{t("filterTitle")}</h2>
      <FilterBuilder
        org={org}
        registerId={registerId}
        fields={fields}
        value={tree}
        onChange={setTree}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => router.push(`${base}?f=${param}`)}>
          {t("applyFilter")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setTree(EMPTY_FILTER);
            setOpen(false);
            router.push(base);
          }}
        >
          {t("clearFilter")}
        </Button>
        {canSave ? (
          <Link
            href={`${base}/segments/new?f=${param}`}
            className="rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {t("saveAsSegment")}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
