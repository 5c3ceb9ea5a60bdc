"use client";

import { useState, useTransition, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { applyTemplateAction, createTemplateAction } from "@/lib/templates/actions";

export type TemplateOption = { id: string; name: string };

/**
 * Templates on the content page: save the current (saved) content as a template, or replace
 * the content with a template after an explicit confirmation.
 */
export function TemplateBar({
  org,
  campaignId,
  templates,
  version,
  busy,
}: {
  org: string;
  campaignId: string;
  templates: TemplateOption[];
  version: RefObject<number>;
  busy: boolean;
}) {
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
      const r = await createTemplateAction(null, fd);
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
      const r = await applyTemplateAction(null, fd);
      setConfirming(false);
      // The content was replaced on the server: reload so the editor opens the template's
      // content with a fresh history (nothing unsaved is lost: applying waits for saves).
      if (r.ok) window.location.reload();
      else setMessage({ ok: false, text: err(r.error ?? "errors.INTERNAL") });
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
      {templates.length > 0 ? (
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
      ) : null}
      {message ? (
        <p role="status" className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
