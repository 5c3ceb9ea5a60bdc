"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";

/**
 * Picks a CSV or .xlsx file and sends it as the raw request body to the upload route (streamed to
 * the database there), showing upload progress; then opens the import's preview.
 */
export function UploadForm({ action, maxMb }: { action: string; maxMb: number }) {
  const t = useTranslations("import.page");
  const err = useErrorText();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError("import.errors.NO_FILE");
      return;
    }
    if (file.size > maxMb * 1024 * 1024) {
      setError(`errors.fileTooLarge|mb=${maxMb}`);
      return;
    }
    setError(null);
    setProgress({ sent: 0, total: file.size });
    // XMLHttpRequest rather than fetch: it reports upload progress.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", action);
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (ev) => setProgress({ sent: ev.loaded, total: ev.total || file.size });
    xhr.onload = () => {
      let body: { ok?: boolean; url?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        body = { error: "errors.INTERNAL" };
      }
      if (body.ok && body.url) {
        router.push(body.url);
        return;
      }
      setProgress(null);
      setError(body.error ?? "errors.INTERNAL");
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("import.errors.NETWORK");
    };
    xhr.send(file);
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
          {t("file")}
        </label>
        <input
          id="import-file"
          ref={input}
          type="file"
          name="file"
          accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-help"
          className="block w-full text-sm"
          onChange={() => setError(null)}
        />
        <p id="import-file-help" className="text-sm text-slate-600">
          {t("uploadHelp", { mb: maxMb })}
        </p>
      </div>
      {progress ? (
        <ProgressBar value={progress.sent} max={progress.total} label={t("uploading")} />
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {err(error)}
        </p>
      ) : null}
      <Button type="submit" disabled={progress !== null}>
        {progress ? t("uploading") : t("upload")}
      </Button>
    </form>
  );
}
