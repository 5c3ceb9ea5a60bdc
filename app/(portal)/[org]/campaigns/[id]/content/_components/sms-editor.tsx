"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import { SaveStatusText } from "@/components/editor/save-status";
import { useAutosave, type SaveResult } from "@/components/editor/use-autosave";
import { SmsCounter } from "@/components/sms/sms-counter";
import { previewSmsTextAction, saveSmsTextAction } from "@/lib/campaigns/content-actions";
import type { SmsContentPage } from "@/lib/campaigns/sms-content-queries";
import { smsLength } from "@/lib/sms/encoding";
import { CodeArea } from "./code-area";
import { TemplateBar, type TemplateOption } from "./template-bar";

type Preview = { text: string } | { error: string } | null;

/**
 * The SMS text (S1, S3): a textarea with merge fields and autosave (optimistic concurrency on
 * the content version), the live count of the template and of the text personalized as a real
 * contact of the audience, the cost estimate for the whole audience, and the SMS templates bar.
 */
export function SmsEditor({
  org,
  data,
  canEdit,
  templates,
}: {
  org: string;
  data: SmsContentPage;
  canEdit: boolean;
  templates: TemplateOption[];
}) {
  const t = useTranslations("smsEditor");
  const format = useFormatter();
  const err = useErrorText();
  const { campaign } = data;
  const readOnly = !canEdit || !campaign.editable;
  const [text, setText] = useState(campaign.textBody);
  const [contactId, setContactId] = useState(data.contacts[0]?.id ?? "");
  const [preview, setPreview] = useState<Preview>(null);
  const version = useRef(campaign.contentVersion);

  const save = useCallback(
    async (value: string): Promise<SaveResult> => {
      const fd = new FormData();
      fd.set("org", org);
      fd.set("campaignId", campaign.id);
      fd.set("textBody", value);
      fd.set("baseVersion", String(version.current));
      const r = await saveSmsTextAction(null, fd);
      if (r.ok && r.data) {
        version.current = r.data.contentVersion;
        return { ok: true, savedAt: new Date(r.data.savedAt) };
      }
      const error = r.error ?? "errors.INTERNAL";
      return {
        ok: false,
        error,
        fieldErrors: r.fieldErrors,
        stale: error === "editor.errors.stale",
      };
    },
    [org, campaign.id],
  );
  const { status, allowLeave } = useAutosave(
    readOnly ? null : text,
    save as (v: string | null) => Promise<SaveResult>,
  );

  // The personalized preview follows the text and the chosen contact (debounced; the newest wins).
  const request = useRef(0);
  useEffect(() => {
    const n = ++request.current;
    const timer = setTimeout(async () => {
      const fd = new FormData();
      fd.set("org", org);
      fd.set("campaignId", campaign.id);
      fd.set("textBody", text);
      if (contactId) fd.set("contactId", contactId);
      const r = await previewSmsTextAction(null, fd).catch(() => null);
      if (n !== request.current) return;
      setPreview(
        r?.ok && r.data ? { text: r.data.text } : { error: r?.error ?? "editor.errors.network" },
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [org, campaign.id, text, contactId]);

  const templateParts = smsLength(text.trim()).parts;
  const previewParts = preview && "text" in preview ? smsLength(preview.text).parts : null;
  const parts = previewParts ?? templateParts;
  const euros = (cents: number) =>
    format.number(cents / 100, { style: "currency", currency: "EUR", maximumFractionDigits: 2 });
  const saveErrors = status.state === "error" ? (status.fieldErrors?.textBody ?? []) : [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {t("sender", { sender: campaign.smsSender ?? "–" })}
        </p>
        {!readOnly ? (
          <SaveStatusText
            status={status}
            onReload={() => {
              allowLeave();
              window.location.reload();
            }}
          />
        ) : null}
      </div>
      {!readOnly ? (
        <TemplateBar
          org={org}
          channel="sms"
          campaignId={campaign.id}
          templates={templates}
          version={version}
          busy={status.state !== "saved"}
        />
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-4">
          <CodeArea
            label={t("textLabel")}
            help={t("textHelp", { max: data.maxParts, example: "{{ first_name }}" })}
            value={text}
            onChange={setText}
            fields={data.fields}
            readOnly={readOnly}
            errors={saveErrors}
            rows={8}
          />
          <SmsCounter
            text={text.trim()}
            maxParts={data.maxParts}
            label={t("templateCount")}
            testId="sms-template-count"
          />
        </div>
        <div className="space-y-4">
          <section className="space-y-2 rounded border border-slate-200 p-3">
            <h3 className="text-sm font-semibold">{t("previewTitle")}</h3>
            {data.contacts.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noContacts")}</p>
            ) : (
              <label className="block text-sm">
                <span className="text-slate-600">{t("previewContact")}</span>
                <select
                  value={contactId}
                  onChange={(e) => setContactId(e.target.value)}
                  className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
                >
                  {data.contacts.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {preview && "error" in preview ? (
              <p className="text-sm text-red-700">{err(preview.error)}</p>
            ) : preview ? (
              <>
                <p
                  data-testid="sms-preview"
                  className="whitespace-pre-wrap rounded-2xl rounded-tl-sm bg-slate-100 p-3 text-sm"
                >
                  {preview.text}
                </p>
                <SmsCounter
                  text={preview.text}
                  maxParts={data.maxParts}
                  label={t("previewCount")}
                  testId="sms-preview-count"
                />
              </>
            ) : null}
            <p className="text-xs text-slate-600">{t("perRecipient")}</p>
          </section>
          <section
            aria-label={t("costTitle")}
            data-testid="sms-cost"
            className="space-y-1 rounded border border-slate-200 p-3 text-sm"
          >
            <h3 className="font-semibold">{t("costTitle")}</h3>
            {data.recipients === null ? (
              <p className="text-red-700">{t("segmentGone")}</p>
            ) : (
              <>
                <p className="text-lg font-semibold">
                  {euros(data.recipients * parts * data.pricePerPartCents)}
                </p>
                <p className="text-slate-700">
                  {t("costFormula", {
                    recipients: data.recipients,
                    parts,
                    price: format.number(data.pricePerPartCents, { maximumFractionDigits: 3 }),
                  })}
                </p>
                <p className="text-xs text-slate-600">{t("costNote")}</p>
              </>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
