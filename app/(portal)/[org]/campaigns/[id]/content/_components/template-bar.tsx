"use client";

import { useState, useTransition, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import {
  applySmsTemplateAction,
  applyTemplateAction,
  createSmsTemplateAction,
  createTemplateAction,
} from "@/lib/templates/actions";

export type TemplateOption = { id: string; name: string };

/** The template actions of each channel; they take and return the same shapes. */
const ACTIONS = {
  email: { create: createTemplateAction, replace: applyTemplateAction },
  sms: { create: createSmsTemplateAction, replace: applySmsTemplateAction },
} as const;

/**
 * Templates on the content page of either channel: save the current (saved) content as a
 * template of that channel, or replace the content with one of its templates after an explicit
 * confirmation.
 */
export function TemplateBar({
  org,
  channel,
  campaignId,
  templates,
  version,
  busy,
}: {
  org: string;
  channel: "email" | "sms";
  campaignId: string;
  templates: TemplateOption[];
  version: RefObject<number>;
  busy: boolean;
}) {
  const actions = ACTIONS[channel];
  const t = useTranslations("templates.bar");
  const err = useErrorText();
  const [name, setName] = useState("");
  const [templateId, setTemplateId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  const saveAsTemplate = () =>
    start(async () => {
      const fd = new FormData();
      fd.set("org", org);
      fd.set("campaignId", campaignId);
      fd.set("name", name);
      const r = await actions.create(null, fd);
      if (r.ok) setName("");
      setMessage(
        r.ok
          ? { ok: true, text: t("saved", { name: r.data!.name }) }
          : { ok: false, text: err(r.fieldErrors?.name?.[0] ?? r.error ?? "errors.INTERNAL") },
      );
    });
  const apply = () =>
    start(async () => {
      const fd = new FormData();
      fd.set("org", org);
      fd.set("campaignId", campaignId);
      fd.set("templateId", templateId);
      fd.set("baseVersion", String(version.current));
      const r = await actions.replace(null, fd);
      setConfirming(false);
      // The content was replaced on the server: reload so the editor opens the template's
      // content and version with a fresh history (nothing unsaved is lost: applying waits for
      // saves). A refused text (e.g. a merge field this register lacks) comes as a field error.
      if (r.ok) window.location.reload();
      else
        setMessage({
          ok: false,
          text: err(r.fieldErrors?.textBody?.[0] ?? r.error ?? "errors.INTERNAL"),
        });
    });

  return (
    <div className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex items-end gap-2">
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("name")}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
            maxLength={200}
          />
        </label>
        <Button
          type="button"
          variant="secondary"
          disabled={pending || busy || !name.trim()}
          onClick={saveAsTemplate}
        >
          {t("saveAs")}
        </Button>
      </div>
      {templates.length === 0 ? (
        <p className="text-sm text-slate-600">{t(channel === "sms" ? "noneSms" : "none")}</p>
      ) : (
        <div className="flex items-end gap-2">
          <label className="space-y-1 text-sm">
            <span className="block font-medium">{t("template")}</span>
            <select
              value={templateId}
              onChange={(e) => setTemplateId(e.target.value)}
              className="rounded border border-slate-300 px-2 py-1"
            >
              <option value="">{t("choose")}</option>
              {templates.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {tp.name}
                </option>
              ))}
            </select>
          </label>
          {confirming ? (
            <span className="flex items-center gap-2 text-sm">
              <span role="alert">{t("confirmText")}</span>
              <Button type="button" disabled={pending || busy} onClick={apply}>
                {t("confirm")}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
                {t("cancel")}
              </Button>
            </span>
          ) : (
            <Button
              type="button"
              variant="secondary"
              disabled={!templateId || busy}
              onClick={() => setConfirming(true)}
            >
              {t("use")}
            </Button>
          )}
        </div>
      )}
      {message ? (
        <p role="status" className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
