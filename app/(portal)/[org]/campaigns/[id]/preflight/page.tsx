import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { builtInFindings } from "@/lib/campaigns/preflight";
import {
  loadCampaignPreview,
  searchPreviewContacts,
  type CampaignPreview,
} from "@/lib/campaigns/preview";
import { loadCampaignForPage } from "@/lib/campaigns/queries";
import { renderCampaign } from "@/lib/campaigns/renderer";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { hasRole } from "@/lib/orgs/roles";
import { Card } from "@/components/ui/card";
import { ApproveForm } from "./_components/approve-form";
import { ContactPicker } from "./_components/contact-picker";
import { MessageFrames } from "./_components/message-frames";
import { NetworkChecks } from "./_components/network-checks";
import { SmsPreflight } from "./_components/sms-preflight";
import { SpamFindings } from "./_components/spam-findings";
import { TestSendForm } from "./_components/test-send-form";

export async function generateMetadata() {
  return { title: (await getTranslations("preflight"))("title") };
}

/**
 * Pre-flight (E5): the message personalised as a chosen contact in 375/1280 px, dark mode and
 * plain text; approve preview; test send; built-in spam checks, and on request the link/image
 * check and rspamd. Sending needs the current version test-sent or approved here.
 */
export default async function PreflightPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<{ contact?: string; q?: string }>;
}) {
  const { org, id } = await params;
  const sp = await searchParams;
  const m = await requireMembership(org);
  const t = await getTranslations("preflight");
  const db = await getDb();
  const campaign = await loadCampaignForPage(db, m.orgId, id);
  if (campaign.channel === "sms")
    return (
      <SmsPreflight
        db={db}
        org={org}
        campaign={campaign}
        contactId={sp.contact}
        canEdit={hasRole(m.role, "editor") && m.status !== "suspended"}
      />
    );
  const q = (sp.q ?? "").slice(0, 100);
  const contacts = await searchPreviewContacts(db, m.orgId, campaign.registerId, q);
  let preview: CampaignPreview | null = null;
  let failure: string | null = null;
  try {
    preview = await loadCampaignPreview(db, {
      orgId: m.orgId,
      campaignId: id,
      contactId: sp.contact,
      render: renderCampaign,
    });
  } catch (err) {
    if (isAppError(err)) failure = err.userMessage;
    else {
      log.error({ err, campaignId: id }, "pre-flight preview failed");
      failure = "preflight.renderFailed";
    }
  }
  const canEdit = hasRole(m.role, "editor");
  const version = campaign.contentVersion;
  const isChecked = campaign.checkedVersion === version;
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        <p
          role="status"
          className={`mt-2 text-sm font-medium ${isChecked ? "text-green-700" : "text-amber-700"}`}
        >
          {t("version", { version })} – {isChecked ? t("checked", { version }) : t("notChecked")}
        </p>
      </div>
      <ContactPicker
        org={org}
        campaignId={id}
        q={q}
        contacts={contacts}
        current={preview?.contact ?? null}
      />
      {failure || !preview ? (
        <Card>
          <ErrorText message={failure ?? "preflight.renderFailed"} />
        </Card>
      ) : (
        <>
          <MessageFrames preview={preview} />
          {canEdit ? (
            <div className="grid gap-6 lg:grid-cols-2">
              <ApproveForm org={org} campaignId={id} version={version} />
              <TestSendForm
                org={org}
                campaignId={id}
                version={version}
                contactId={preview.contact?.id ?? ""}
              />
            </div>
          ) : null}
          <SpamFindings findings={builtInFindings(preview)} />
          <NetworkChecks org={org} campaignId={id} contactId={preview.contact?.id ?? ""} />
        </>
      )}
    </div>
  );
}

/** An error key ("ns.key|name=value") in the user's language. */
async function ErrorText({ message }: { message: string }) {
  const t = await getTranslations();
  const [key, ...params] = message.split("|");
  const values = Object.fromEntries(params.map((p) => p.split("=", 2) as [string, string]));
  return <p className="text-red-700">{key && t.has(key) ? t(key, values) : message}</p>;
}
