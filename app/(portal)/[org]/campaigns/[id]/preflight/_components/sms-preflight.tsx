import { getTranslations } from "next-intl/server";
import type { Db } from "@/db";
import { audienceContacts } from "@/lib/campaigns/audience";
import type { Campaign } from "@/lib/campaigns/queries";
import { previewSmsText } from "@/lib/campaigns/save-sms-text";
import { smsMaxParts } from "@/lib/campaigns/sms-text";
import { isAppError } from "@/lib/errors";
import { Card } from "@/components/ui/card";
import { SmsCounter } from "@/components/sms/sms-counter";
import { SmsTestForm } from "./sms-test-form";

const input = "block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm";
const button = "rounded-md px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50";

/**
 * Pre-flight of an SMS campaign: its text as one audience contact would get it (chosen among
 * the first 20), with the count the server sends by, and a test SMS to up to 10 numbers.
 */
export async function SmsPreflight(props: {
  db: Db;
  org: string;
  campaign: Campaign;
  contactId?: string;
  canEdit: boolean;
}) {
  const { db, org, campaign: c } = props;
  const t = await getTranslations("preflight.sms");
  const tAll = await getTranslations();
  const people = await audienceContacts(db, c.orgId, c).catch(() => []);
  let text: string | null = null;
  let contactId: string | null = null;
  let failure: string | null = null;
  try {
    ({ text, contactId } = await previewSmsText(db, {
      orgId: c.orgId,
      campaignId: c.id,
      text: c.textBody ?? "",
      contactId: props.contactId,
    }));
  } catch (err) {
    if (!isAppError(err)) throw err;
    const [key = "", ...params] = err.userMessage.split("|");
    const values = Object.fromEntries(params.map((p) => p.split("=", 2) as [string, string]));
    failure = tAll.has(key) ? tAll(key as "preflight.title", values) : err.userMessage;
  }
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card title={t("previewTitle")}>
        {people.length > 0 ? (
          <form
            action={`/${org}/campaigns/${c.id}/preflight`}
            className="mb-4 flex items-end gap-2"
          >
            <div className="min-w-64 space-y-1">
              <label htmlFor="sms-contact" className="block text-sm font-medium text-slate-800">
                {t("contact")}
              </label>
              <select
                id="sms-contact"
                name="contact"
                defaultValue={contactId ?? undefined}
                className={input}
              >
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {`${p.firstName} ${p.lastName}`.trim() || "–"} ({p.phone})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={button}>
              {t("show")}
            </button>
          </form>
        ) : (
          <p className="mb-4 text-sm text-slate-600">{t("noContacts")}</p>
        )}
        {failure ? (
          <p className="text-red-700">{failure}</p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            <div className="max-w-sm">
              <p className="mb-1 text-xs font-semibold text-slate-700">{c.smsSender ?? "–"}</p>
              <p
                data-testid="sms-preflight-text"
                className="whitespace-pre-wrap rounded-2xl rounded-tl-sm bg-slate-100 p-3 text-sm"
              >
                {text}
              </p>
            </div>
            <SmsCounter text={text ?? ""} maxParts={smsMaxParts()} label={t("count")} />
          </div>
        )}
      </Card>
      {props.canEdit && !failure ? (
        <SmsTestForm
          org={org}
          campaignId={c.id}
          version={c.contentVersion}
          contactId={contactId ?? ""}
        />
      ) : null}
    </div>
  );
}
