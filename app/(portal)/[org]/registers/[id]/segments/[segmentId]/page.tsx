import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { listContacts } from "@/lib/contacts/list";
import { isAppError } from "@/lib/errors";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { deleteSegmentAction } from "@/lib/segments/actions";
import { loadSegmentForPage } from "@/lib/segments/queries";
import { countFilter, segmentCondition } from "@/lib/segments/segments";
import { ConfirmForm } from "@/components/orgs/confirm-form";
import { Card, EmptyState } from "@/components/ui/card";
import { ExportForm } from "../../exports/_components/export-form";

export async function generateMetadata() {
  return { title: (await getTranslations("segments"))("title") };
}

/** A segment: its live count and its contacts, 50 a page (keyset); edit, export, delete. */
export default async function SegmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string; segmentId: string }>;
  searchParams: Promise<{ after?: string }>;
}) {
  const { org, id, segmentId } = await params;
  const { after } = await searchParams;
  const m = await requireMembership(org);
  const db = await getDb();
  const { register } = await loadRegisterForPage(db, m.orgId, id);
  const segment = await loadSegmentForPage(db, m.orgId, id, segmentId);
  const t = await getTranslations("segments");
  const tc = await getTranslations("contacts");
  const format = await getFormatter();
  const base = `/${org}/registers/${id}`;
  const here = `${base}/segments/${segment.id}`;
  let where;
  try {
    where = await segmentCondition(db, m.orgId, segment);
  } catch (err) {
    if (!isAppError(err)) throw err;
  }
  const count = where ? await countFilter(db, m.orgId, segment.registerId, segment.filter) : null;
  const page = where ? await listContacts(db, m.orgId, id, { where, cursor: after }) : null;
  const canEdit = hasRole(m.role, "editor");
  const th = "px-2 py-2 text-left font-medium text-slate-600";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href={`${base}/segments`} className="text-brand-700 hover:underline">
              {register.name}: {t("title")}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{segment.name}</h1>
          <p className="text-sm text-slate-700" data-testid="segment-count-line">
            {count === null ? t("broken") : t("countLine", { count })}
          </p>
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Link
              href={`${here}/edit`}
              className="rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {t("edit")}
            </Link>
            <ConfirmForm
              action={deleteSegmentAction}
              fields={{ org, registerId: id, segmentId: segment.id }}
              label={t("delete")}
              question={t("deleteQuestion", { name: segment.name })}
              confirmLabel={t("deleteConfirm")}
              cancelLabel={t("cancel")}
            />
          </div>
        ) : null}
      </div>
      {canEdit && count !== null ? (
        <Card title={t("exportLink")}>
          <ExportForm org={org} registerId={id} segmentId={segment.id} />
        </Card>
      ) : null}
      <Card title={t("contactsTitle")}>
        {!page || page.rows.length === 0 ? (
          <EmptyState>{t("noContacts")}</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-200">
                <tr>
                  <th scope="col" className={th}>
                    {tc("name")}
                  </th>
                  <th scope="col" className={th}>
                    {tc("email")}
                  </th>
                  <th scope="col" className={th}>
                    {tc("phone")}
                  </th>
                  <th scope="col" className={th}>
                    {tc("createdAt")}
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
                        {`${c.lastName} ${c.firstName}`.trim() || tc("noName")}
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
        <nav aria-label={tc("paging")} className="mt-4 flex flex-wrap gap-3 text-sm">
          {after ? (
            <Link href={here} className="text-brand-700 hover:underline">
              {tc("firstPage")}
            </Link>
          ) : null}
          {page?.next ? (
            <Link
              href={`${here}?after=${encodeURIComponent(page.next)}`}
              className="text-brand-700 hover:underline"
            >
              {tc("nextPage")}
            </Link>
          ) : null}
        </nav>
      </Card>
    </div>
  );
}
