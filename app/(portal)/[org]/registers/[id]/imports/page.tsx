import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { listImports, MAX_UPLOAD_BYTES } from "@/lib/import/imports";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { Card } from "@/components/ui/card";
import { ImportList } from "./_components/import-list";
import { UploadForm } from "./_components/upload-form";

export async function generateMetadata() {
  return { title: (await getTranslations("import.page"))("uploadTitle") };
}

/** Upload of a file to import into the register, and the register's recent imports. */
export default async function ImportsPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const m = await requireMembership(org);
  const db = await getDb();
  const { register } = await loadRegisterForPage(db, m.orgId, id);
  const t = await getTranslations("import.page");
  const base = `/${org}/registers/${id}`;
  const rows = await listImports(db, m.orgId, id, 20);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={base} className="text-brand-700 hover:underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          {t("uploadTitle")}: {register.name}
        </h1>
      </div>
      {hasRole(m.role, "editor") ? (
        <Card>
          <UploadForm
            action={`${base}/imports/upload`}
            maxMb={Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)}
          />
        </Card>
      ) : (
        <p className="text-sm text-slate-600">{t("viewerNote")}</p>
      )}
      <Card title={t("recent")}>
        <ImportList base={base} rows={rows} />
      </Card>
    </div>
  );
}
