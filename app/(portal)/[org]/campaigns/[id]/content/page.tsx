import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { loadContentPage } from "@/lib/campaigns/content-queries";
import { listImagesForPicker } from "@/lib/images/queries";
import { hasRole } from "@/lib/orgs/roles";
import { listSmsTemplates } from "@/lib/templates/sms-templates";
import { listTemplates } from "@/lib/templates/templates";
import { loadSmsContentPage, type SmsContentPage } from "@/lib/campaigns/sms-content-queries";
import { ContentEditor } from "./_components/content-editor";
import { SmsEditor } from "./_components/sms-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("editor"))("title") };
}

/** The campaign's body (E1): block editor, designer HTML or plain text, with autosave. */
export default async function CampaignContentPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const m = await requireMembership(org);
  const db = await getDb();
  const canEdit = hasRole(m.role, "editor") && m.status !== "suspended";
  const sms = await loadSmsContentPage(db, m.orgId, id);
  if (sms) {
    const smsTemplates = canEdit ? await listSmsTemplates(db, m.orgId) : [];
    return (
      <SmsContent
        org={org}
        data={sms}
        canEdit={canEdit}
        templates={smsTemplates.map((x) => ({ id: x.id, name: x.name }))}
      />
    );
  }
  const { campaign, fields, brand } = await loadContentPage(db, m.orgId, id);
  const [images, templates] = await Promise.all([
    canEdit ? listImagesForPicker(db, m.orgId) : [],
    canEdit ? listTemplates(db, m.orgId) : [],
  ]);
  const t = await getTranslations("editor");
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-600">
          {t("campaignFor", { name: campaign.name, register: campaign.registerName })}
        </p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
      </div>
      {!campaign.editable ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("lockedStatus")}</p>
      ) : null}
      <ContentEditor
        // Not keyed by the content version: a refresh after an autosave (any server action
        // revalidates the page) must not remount the editor and drop its undo history.
        key={campaign.id}
        org={org}
        campaign={campaign}
        canEdit={canEdit}
        brand={brand}
        fields={fields}
        images={images}
        templates={templates.map((x) => ({ id: x.id, name: x.name }))}
      />
    </div>
  );
}

/** An SMS campaign's content: its text, live count, personalized preview and cost (S1, S3). */
async function SmsContent(props: {
  org: string;
  data: SmsContentPage;
  canEdit: boolean;
  templates: { id: string; name: string }[];
}) {
  const t = await getTranslations("smsEditor");
  const { campaign } = props.data;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-600">
          {t("campaignFor", { name: campaign.name, register: campaign.registerName })}
        </p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
      </div>
      {!campaign.editable ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("lockedStatus")}</p>
      ) : null}
      <SmsEditor key={campaign.id} {...props} />
    </div>
  );
}
