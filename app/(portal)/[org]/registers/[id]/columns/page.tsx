import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { deleteRegisterAction } from "@/lib/registers/actions";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { ConfirmForm } from "@/components/orgs/confirm-form";
import { Card, EmptyState } from "@/components/ui/card";
import { AddColumnForm } from "../_components/add-column-form";
import { ColumnEditor } from "../_components/column-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("registers"))("columnsTitle") };
}

/** A register's columns: rename, reorder, remove, add (editors); delete the register (main). */
export default async function ColumnsPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const m = await requireMembership(org);
  const { register, columns } = await loadRegisterForPage(await getDb(), m.orgId, id);
  const t = await getTranslations("registers");
  const canEdit = hasRole(m.role, "editor");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${org}/registers/${id}`} className="text-brand-700 hover:underline">
            {register.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("columnsTitle")}</h1>
        <p className="text-sm text-slate-600">{t("builtInColumns")}</p>
      </div>
      <Card title={t("columns")}>
        {columns.length === 0 ? (
          <EmptyState>{t("noColumns")}</EmptyState>
        ) : (
          <ol className="space-y-3">
            {columns.map((c, i) => (
              <li key={c.id}>
                <ColumnEditor
                  org={org}
                  registerId={id}
                  column={{
                    id: c.id,
                    key: c.key,
                    label: c.label,
                    type: c.type,
                    required: c.required,
                    helpText: c.helpText,
                    options: c.options,
                    fastFilter: c.slot !== null,
                  }}
                  first={i === 0}
                  last={i === columns.length - 1}
                  canEdit={canEdit}
                />
              </li>
            ))}
          </ol>
        )}
      </Card>
      {canEdit ? (
        <Card title={t("addColumn")}>
          <AddColumnForm org={org} registerId={id} />
        </Card>
      ) : null}
      {hasRole(m.role, "main") ? (
        <Card title={t("deleteTitle")}>
          <p className="mb-3 text-sm text-slate-600">{t("deleteIntro")}</p>
          <ConfirmForm
            action={deleteRegisterAction}
            fields={{ org, registerId: id }}
            label={t("delete")}
            question={t("deleteQuestion", { name: register.name })}
            confirmLabel={t("deleteConfirm")}
            cancelLabel={t("cancel")}
          />
        </Card>
      ) : null}
    </div>
  );
}
