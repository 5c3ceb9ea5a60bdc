import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { listContacts, SORTS, type ContactSort } from "@/lib/contacts/list";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { Card, EmptyState } from "@/components/ui/card";
import { listImports } from "@/lib/import/imports";
import { ContactSearch } from "./_components/contact-search";
import { ImportList } from "./imports/_components/import-list";

type Search = { q?: string; sort?: string; dir?: string; after?: string };

export async function generateMetadata() {
  return { title: (await getTranslations("contacts"))("title") };
}

/** A register's contacts: search, sort and keyset paging (50 a page). */
export default async function RegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<Search>;
}) {
  const { org, id } = await params;
  const sp = await searchParams;
  const m = await requireMembership(org);
  const db = await getDb();
  const { register } = await loadRegisterForPage(db, m.orgId, id);
  const t = await getTranslations("contacts");
  const format = await getFormatter();
  const sort: ContactSort = SORTS.includes(sp.sort as ContactSort)
    ? (sp.sort as ContactSort)
    : "created";
  const dir = sp.dir === "asc" || (sp.dir !== "desc" && sort !== "created") ? "asc" : "desc";
  const q = (sp.q ?? "").slice(0, 200);
  const page = await listContacts(db, m.orgId, id, { q, sort, dir, cursor: sp.after });
  const recentImports = await listImports(db, m.orgId, id, 5);
  const tImport = await getTranslations("import.page");
  const base = `/${org}/registers/${id}`;
  const qs = (p: Record<string, string | undefined>) =>
    `${base}?${new URLSearchParams(Object.entries({ q: q || undefined, sort, dir, ...p }).filter((e): e is [string, string] => Boolean(e[1])))}`;
  const sortLink = (s: ContactSort, label: string) => {
    const active = s === sort;
    const nextDir = active ? (dir === "asc" ? "desc" : "asc") : s === "created" ? "desc" : "asc";
    return (
      <Link
        href={qs({ sort: s, dir: nextDir, after: undefined })}
        className="hover:underline"
        aria-sort={undefined}
      >
        {label}
        {active ? (dir === "asc" ? " ↑" : " ↓") : ""}
      </Link>
    );
  };
  const th = "px-2 py-2 text-left font-medium text-slate-600";
  const ariaSort = (s: ContactSort) =>
    s === sort ? (dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href={`/${org}/registers`} className="text-brand-700 hover:underline">
              {t("backToRegisters")}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{register.name}</h1>
          {register.description ? (
            <p className="text-sm text-slate-600">{register.description}</p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Link
            href={`${base}/columns`}
            className="rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {t("columnsLink")}
          </Link>
          {hasRole(m.role, "editor") ? (
            <Link
              href={`${base}/imports`}
              className="rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {tImport("importFile")}
            </Link>
          ) : null}
          {hasRole(m.role, "editor") ? (
            <Link
              href={`${base}/contacts/new`}
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
            >
              {t("add")}
            </Link>
          ) : null}
        </div>
      </div>
      <Card>
        <ContactSearch q={q} sort={sort} dir={dir} />
        {page.rows.length === 0 ? (
          <div className="mt-4">
            <EmptyState>{q ? t("noMatches", { q }) : t("empty")}</EmptyState>
          </div>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-200">
                <tr>
                  <th scope="col" className={th} aria-sort={ariaSort("name")}>
                    {sortLink("name", t("name"))}
                  </th>
                  <th scope="col" className={th} aria-sort={ariaSort("email")}>
                    {sortLink("email", t("email"))}
                  </th>
                  <th scope="col" className={th}>
                    {t("phone")}
                  </th>
                  <th scope="col" className={th} aria-sort={ariaSort("created")}>
                    {sortLink("created", t("createdAt"))}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page.rows.map((c) => (
                  <tr key={c.id}>
                    <td className="px-2 py-2">
                      <Link
                        href={`${base}/contacts/${c.id}`}
                        className="text-brand-700 hover:underline"
                      >
                        {`${c.lastName} ${c.firstName}`.trim() || t("noName")}
                      </Link>
                    </td>
                    <td className="px-2 py-2">{c.email ?? "–"}</td>
                    <td className="px-2 py-2">{c.phone ?? "–"}</td>
                    <td className="px-2 py-2">
                      {format.dateTime(new Date(c.createdAt), {
                        dateStyle: "short",
                        timeStyle: "short",
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label={t("paging")} className="mt-4 flex flex-wrap gap-3 text-sm">
          {sp.after ? (
            <Link href={qs({ after: undefined })} className="text-brand-700 hover:underline">
              {t("firstPage")}
            </Link>
          ) : null}
          {page.next ? (
            <Link href={qs({ after: page.next })} className="text-brand-700 hover:underline">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      </Card>
      {recentImports.length > 0 ? (
        <Card title={tImport("recent")}>
          <ImportList base={base} rows={recentImports} />
          <p className="mt-3 text-sm">
            <Link href={`${base}/imports`} className="text-brand-700 hover:underline">
              {tImport("allImports")}
            </Link>
          </p>
        </Card>
      ) : null}
    </div>
  );
}
