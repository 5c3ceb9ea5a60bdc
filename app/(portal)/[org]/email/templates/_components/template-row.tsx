"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import {
  deleteSmsTemplateAction,
  deleteTemplateAction,
  renameSmsTemplateAction,
  renameTemplateAction,
} from "@/lib/templates/actions";

/** Each channel's rename and delete actions; they take and return the same shapes. */
const ACTIONS = {
  email: { rename: renameTemplateAction, remove: deleteTemplateAction },
  sms: { rename: renameSmsTemplateAction, remove: deleteSmsTemplateAction },
} as const;

/**
 * One template of either channel: its name (renamable inline), a short description (the kind
 * of an e-mail template, the start of an SMS text) and date, and delete after confirmation.
 */
export function TemplateRow({
  org,
  channel,
  template,
  kind,
  updated,
  canEdit,
}: {
  org: string;
  channel: "email" | "sms";
  template: { id: string; name: string };
  kind: string;
  updated: string;
  canEdit: boolean;
}) {
  const actions = ACTIONS[channel];
  const t = useTranslations("templates");
  const err = useErrorText();
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "rename" | "delete">("view");
  const [name, setName] = useState(template.name);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (
    action: (typeof actions)["rename"] | (typeof actions)["remove"],
    extra: Record<string, string>,
  ) =>
    start(async () => {
      const fd = new FormData();
      fd.set("org", org);
      fd.set("templateId", template.id);
      for (const [k, v] of Object.entries(extra)) fd.set(k, v);
      const r = await action(null, fd);
      if (!r.ok) return setError(r.fieldErrors?.name?.[0] ?? r.error ?? "errors.INTERNAL");
      setError(null);
      setMode("view");
      router.refresh();
    });

  return (
    <li className="flex flex-wrap items-center gap-3 py-2">
      {mode === "rename" ? (
        <form
          className="flex flex-1 items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(actions.rename, { name });
          }}
        >
          <label className="sr-only" htmlFor={`name-${template.id}`}>
            {t("name")}
          </label>
          <input
            id={`name-${template.id}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            className="flex-1 rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <Button type="submit" disabled={pending}>
            {t("save")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setMode("view")}>
            {t("cancel")}
          </Button>
        </form>
      ) : (
        <span className="flex-1">
          <span className="font-medium">{template.name}</span>{" "}
          <span className="text-xs text-slate-600">
            {kind} · {updated}
          </span>
        </span>
      )}
      {canEdit && mode === "view" ? (
        <span className="flex gap-1">
          <Button
            type="button"
            variant="ghost"
            onClick={() => setMode("rename")}
            aria-label={t("renameNamed", { name: template.name })}
          >
            {t("rename")}
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="text-red-700"
            onClick={() => setMode("delete")}
            aria-label={t("deleteNamed", { name: template.name })}
          >
            {t("delete")}
          </Button>
        </span>
      ) : null}
      {mode === "delete" ? (
        <span className="flex items-center gap-2 text-sm">
          <span>{t("confirmDelete", { name: template.name })}</span>
          <Button type="button" disabled={pending} onClick={() => run(actions.remove, {})}>
            {t("delete")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setMode("view")}>
            {t("cancel")}
          </Button>
        </span>
      ) : null}
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {err(error)}
        </p>
      ) : null}
    </li>
  );
}
