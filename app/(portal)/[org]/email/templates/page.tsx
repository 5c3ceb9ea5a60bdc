import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { Card, EmptyState } from "@/components/ui/card";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { listSmsTemplates } from "@/lib/templates/sms-templates";
import { listTemplates } from "@/lib/templates/templates";
import { TemplateRow } from "./_components/template-row";

export async function generateMetadata() {
  return { title: (await getTranslations("templates"))("title") };
}

/** Shown for an SMS template in the list: the start of its text on one line. */
function excerpt(text: string) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/**
 * The organisation's message templates (E2, S1), e-mail and SMS in their own sections: rename
 * and delete; new ones come from a campaign's content page.
 */
export default async function TemplatesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const m = await requireMembership(org);
  const db = await getDb();
  const [templates, smsTemplates] = await Promise.all([
    listTemplates(db, m.orgId),
    listSmsTemplates(db, m.orgId),
  ]);
  const t = await getTranslations("templates");
  const format = await getFormatter();
  const canEdit = hasRole(m.role, "editor") && m.status !== "suspended";
  const date = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-2xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <section aria-labelledby="email-templates" className="space-y-2">
        <h2 id="email-templates" className="text-lg font-semibold">
          {t("emailSection")}
        </h2>
        <Card>
          {templates.length === 0 ? (
            <EmptyState>{t("empty")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {templates.map((tp) => (
                <TemplateRow
                  key={tp.id}
                  org={org}
                  channel="email"
                  template={{ id: tp.id, name: tp.name }}
                  kind={t(`kind.${tp.contentKind}`)}
                  updated={date(tp.updatedAt)}
                  canEdit={canEdit}
                />
              ))}
            </ul>
          )}
        </Card>
      </section>
      <section id="sms" aria-labelledby="sms-templates" className="space-y-2">
        <h2 id="sms-templates" className="text-lg font-semibold">
          {t("smsSection")}
        </h2>
        <Card>
          {smsTemplates.length === 0 ? (
            <EmptyState>{t("emptySms")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {smsTemplates.map((tp) => (
                <TemplateRow
                  key={tp.id}
                  org={org}
                  channel="sms"
                  template={{ id: tp.id, name: tp.name }}
                  kind={excerpt(tp.textBody)}
                  updated={date(tp.updatedAt)}
                  canEdit={canEdit}
                />
              ))}
            </ul>
          )}
        </Card>
      </section>
    </div>
  );
}
