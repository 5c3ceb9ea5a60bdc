import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { builderFields, loadSegmentForPage } from "@/lib/segments/queries";
import { parseFilterJson, EMPTY_FILTER } from "@/lib/segments/schemas";
import { Card } from "@/components/ui/card";
import { SegmentEditor } from "../../_components/segment-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("segments"))("editTitle") };
}

/** Edit a segment's name and filter (editors). */
export default async function EditSegmentPage({
  params,
}: {
  params: Promise<{ org: string; id: string; segmentId: string }>;
}) {
  const { org, id, segmentId } = await params;
  const m = await requireMembership(org);
  if (!hasRole(m.role, "editor")) notFound();
  const db = await getDb();
  await loadRegisterForPage(db, m.orgId, id);
  const segment = await loadSegmentForPage(db, m.orgId, id, segmentId);
  const t = await getTranslations("segments");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link
            href={`/${org}/registers/${id}/segments/${segment.id}`}
            className="text-brand-700 hover:underline"
          >
            {segment.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("editTitle")}</h1>
      </div>
      <Card>
        <SegmentEditor
          org={org}
          registerId={id}
          segmentId={segment.id}
          name={segment.name}
          filter={parseFilterJson(JSON.stringify(segment.filter)) ?? EMPTY_FILTER}
          fields={await builderFields(db, m.orgId, id)}
        />
      </Card>
    </div>
  );
}
