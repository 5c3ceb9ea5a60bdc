"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import type { SaveStatus } from "./use-autosave";

/** "Tallennettu 14.05" / "Tallennetaan…" / "Tallennus epäonnistui: …", announced politely. */
export function SaveStatusText({
  status,
  onReload,
}: {
  status: SaveStatus;
  onReload?: () => void;
}) {
  const t = useTranslations("editor.save");
  const format = useFormatter();
  const err = useErrorText();
  return (
    <p role="status" aria-live="polite" className="text-sm">
      {status.state === "saved" ? (
        <span className="text-slate-600">
          {status.at
            ? t("savedAt", {
                time: format.dateTime(status.at, { hour: "2-digit", minute: "2-digit" }),
              })
            : t("upToDate")}
        </span>
      ) : status.state === "saving" ? (
        <span className="text-slate-600">{t("saving")}</span>
      ) : status.state === "dirty" ? (
        <span className="text-amber-800">{t("unsaved")}</span>
      ) : (
        <span className="text-red-700">
          {t("failed", { reason: err(status.error) })}{" "}
          {status.error === "editor.errors.stale" && onReload ? (
            <button type="button" className="font-semibold underline" onClick={onReload}>
              {t("reload")}
            </button>
          ) : null}
        </span>
      )}
    </p>
  );
}
