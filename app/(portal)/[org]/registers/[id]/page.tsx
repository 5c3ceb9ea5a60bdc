import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { listContacts, SORTS, type ContactSort } from "@/lib/contacts/list";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { ConsentBadge } from "@/components/consent/consent-badge";
import { Card, EmptyState } from "@/components/ui/card";
import { isAppError } from "@/lib/errors";
import { builderFields } from "@/lib/segments/queries";
import { decodeFilterParam } from "@/lib/segments/schemas";
import { compileForRegister } from "@/lib/segments/segments";
import { ContactSearch } from "./_components/contact-search";
import { ContactsFilter } from "./segments/_components/contacts-filter";
import { listImports } from "@/lib/import/imports";
import { ImportList } from "./imports/_components/import-list";
import { countDeletion, currentDeletion } from "@/lib/contacts/bulk-delete";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { ProgressBar } from "@/components/ui/progress-bar";
import { BulkDeleteForm } from "./_components/bulk-delete-form";
import { SelectionBar } from "./_components/selection-bar";

type Search = { q?: string; sort?: string; dir?: string; after?: string; f?: string; del?: string };

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
  // The column filter (R2) is a segment filter carried in the URL (`f`, JSON).
  const filter = decodeFilterParam(sp.f);
  let where;
  let filterInvalid = Boolean(sp.f) && !filter;
  if (filter && filter.children.length > 0) {
    try {
      where = await compileForRegister(db, m.orgId, id, filter);
    } catch (err) {
      if (!isAppError(err)) throw err;
      filterInvalid = true;
    }
  }
  const page = await listContacts(db, m.orgId, id, { q, sort, dir, cursor: sp.after, where });
  const fields = await builderFields(db, m.orgId, id);
  const ts = await getTranslations("segments");
  const f = where ? sp.f : undefined;
  const recentImports = await listImports(db, m.orgId, id, 5);
  const tImport = await getTranslations("import.page");
  const base = `/${org}/registers/${id}`;
  const canEdit = hasRole(m.role, "editor");
  const deletion = await currentDeletion(db, m.orgId, id);
  const deleting = deletion?.status === "queued" || deletion?.status === "running";
  const tDel = await getTranslations("contacts.bulkDelete");
  // The confirmation of "delete these contacts" counts what the list's search and filter select.
  const toDelete =
    canEdit && sp.del === "1" && !filterInvalid
      ? await countDeletion(db, m.orgId, { userId: m.userId, userEmail: "" }, id, {
          q,
          filter: where ? filter : null,
        })
      : null;
  const qs = (p: Record<string, string | undefined>) =>
    `${base}?${new URLSearchParams(Object.entries({ q: q || undefined, sort, dir, f, ...p }).filter((e): e is [string, string] => Boolean(e[1])))}`;
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
      <AutoRefresh active={deleting} />
      {deletion ? (
        <Card title={tDel("title")}>
          <div className="space-y-2" data-testid="contact-deletion">
            {deleting ? (
              <>
                <ProgressBar
                  value={deletion.deleted}
                  max={Math.max(deletion.total, 1)}
                  label={tDel("progressLabel")}
                />
                <p className="text-sm text-slate-700" role="status">
                  {deletion.status === "queued"
                    ? tDel("queued", { total: deletion.total })
                    : tDel("running", { deleted: deletion.deleted, total: deletion.total })}
                </p>
              </>
            ) : deletion.status === "failed" ? (
              <p className="text-sm text-red-700" role="status">
                {deletion.error === "contacts.bulkDelete.scopeGone"
                  ? tDel("scopeGone")
                  : tDel("failed")}
              </p>
            ) : (
              <p className="text-sm text-green-700" role="status">
                {tDel("done", { deleted: deletion.deleted })}
              </p>
            )}
          </div>
        </Card>
      ) : null}
      {toDelete !== null ? (
        <div
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4"
          data-testid="bulk-delete-confirm"
        >
          <h2 className="text-base font-semibold text-amber-950">{tDel("title")}</h2>
          {toDelete === 0 ? (
            <>
              <p className="text-sm text-amber-950">{tDel("nothing")}</p>
              <Link
                href={qs({ del: undefined })}
                className="text-sm text-brand-700 hover:underline"
              >
                {tDel("cancel")}
              </Link>
            </>
          ) : (
            <>
              <p className="text-sm font-medium text-amber-950">
                {tDel("question", { count: toDelete })}
              </p>
              <p className="text-sm text-amber-950">
                {[
                  q ? tDel("scopeSearch", { q }) : null,
                  where ? tDel("scopeFilter") : null,
                  !q && !where ? tDel("scopeAll") : null,
                ]
                  .filter(Boolean)
                  .join(" ")}{" "}
                {tDel("explain")}
              </p>
              <BulkDeleteForm
                org={org}
                registerId={id}
                q={q}
                f={f ?? ""}
                cancelHref={qs({ del: undefined })}
              />
            </>
          )}
        </div>
      ) : null}
      <Card>
        <ContactSearch q={q} sort={sort} dir={dir} f={f} />
        <div className="mt-3 space-y-2">
          <ContactsFilter
            org={org}
            registerId={id}
            fields={fields}
            active={where ? filter : null}
            canSave={hasRole(m.role, "editor")}
          />
          {filterInvalid ? (
            <p className="text-sm text-amber-800" role="status">
              {ts("filterInvalid")}
            </p>
          ) : where ? (
            <p className="text-sm text-slate-700" role="status">
              {ts("filterActive")}
            </p>
          ) : null}
          {canEdit && page.rows.length > 0 && toDelete === null && !deleting ? (
            <p className="text-right text-sm">
              <Link href={qs({ del: "1" })} className="text-red-700 hover:underline">
                {q || where ? tDel("open") : tDel("openAll")}
              </Link>
            </p>
          ) : null}
        </div>
        {page.rows.length === 0 ? (
          <div className="mt-4">
            <EmptyState>
              {q ? t("noMatches", { q }) : where ? ts("noContacts") : t("empty")}
            </EmptyState>
          </div>
        ) : (
          <div className="mt-4 overflow-x-auto">
            {canEdit && !deleting ? (
              <SelectionBar key={deletion?.id ?? "none"} org={org} registerId={id} />
            ) : null}
            <table className="w-full text-sm">
              <thead className="border-b border-slate-200">
                <tr>
                  {canEdit && !deleting ? (
                    <th scope="col" className="w-8 px-2 py-2">
                      <input
                        type="checkbox"
                        data-contact-select-all
                        aria-label={tDel("selectPage")}
                        className="h-4 w-4"
                      />
                    </th>
                  ) : null}
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
                    {canEdit && !deleting ? (
                      <td className="w-8 px-2 py-2">
                        <input
                          type="checkbox"
                          data-contact-select
                          value={c.id}
                          aria-label={tDel("select", {
                            name: `${c.lastName} ${c.firstName}`.trim() || c.email || c.phone || "",
                          })}
                          className="h-4 w-4"
                        />
                      </td>
                    ) : null}
                    <td className="px-2 py-2">
                      <Link
                        href={`${base}/contacts/${c.id}`}
                        className="text-brand-700 hover:underline"
                      >
                        {`${c.lastName} ${c.firstName}`.trim() || t("noName")}
                      </Link>
                    </td>
                    <td className="px-2 py-2">
                      {c.email ?? "–"}{" "}
                      {c.email && c.emailStatus !== "none" ? (
                        <ConsentBadge channel="email" status={c.emailStatus} short />
                      ) : null}
                    </td>
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
