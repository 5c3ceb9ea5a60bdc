import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { builderFields } from "@/lib/segments/queries";
import { decodeFilterParam, EMPTY_FILTER } from "@/lib/segments/schemas";
import { Card } from "@/components/ui/card";
import { SegmentEditor } from "../_components/segment-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("segments"))("newTitle") };
}

/** New segment (editors); `?f=` carries a filter from the contacts list. */
export default async function NewSegmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<{ f?: string }>;
}) {
  const { org, id } = await params;
  const { f } = await searchParams;
  const m = await requireMembership(org);
  if (!hasRole(m.role, "editor")) notFound();
  const db = await getDb();
  const { register } = await loadRegisterForPage(db, m.orgId, id);
  const t = await getTranslations("segments");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link
            href={`/${org}/registers/${id}/segments`}
            className="text-brand-700 hover:underline"
          >
            {register.name}: {t("title")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      </div>
      <Card>
        <SegmentEditor
          org={org}
          registerId={id}
          name=""
          filter={decodeFilterParam(f) ?? EMPTY_FILTER}
          fields={await builderFields(db, m.orgId, id)}
        />
      </Card>
    </div>
  );
}
