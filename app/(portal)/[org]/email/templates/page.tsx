import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { Card, EmptyState } from "@/components/ui/card";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { listTemplates } from "@/lib/templates/templates";
import { TemplateRow } from "./_components/template-row";

export async function generateMetadata() {
  return { title: (await getTranslations("templates"))("title") };
}

/** The organisation's message templates (E2): rename and delete; new ones come from a campaign. */
export default async function TemplatesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  const templates = await listTemplates(await getDb(), m.orgId);
  const t = await getTranslations("templates");
  const format = await getFormatter();
  const canEdit = hasRole(m.role, "editor") && m.status !== "suspended";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-2xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card>
        {templates.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {templates.map((tp) => (
              <TemplateRow
                key={tp.id}
                org={org}
                template={{ id: tp.id, name: tp.name }}
                kind={t(`kind.${tp.contentKind}`)}
                updated={format.dateTime(tp.updatedAt, { dateStyle: "short", timeStyle: "short" })}
                canEdit={canEdit}
              />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
