"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

export type PickerImage = { id: string; name: string; src: string; width: number; height: number };

/**
 * A dialog listing the organisation's image bank, with an upload that adds to it; choosing an
 * image calls `onPick`. The upload goes to the bank's upload route (editors).
 */
export function ImagePicker({
  images,
  uploadUrl,
  onUploaded,
  onPick,
}: {
  images: PickerImage[];
  uploadUrl: string;
  onUploaded: (img: PickerImage) => void;
  onPick: (img: PickerImage) => void;
}) {
  const t = useTranslations("editor.picker");
  const err = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async () => {
    const f = file.current?.files?.[0];
    if (!f) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(uploadUrl, {
        method: "POST",
        headers: {
          "x-file-name": encodeURIComponent(f.name),
          "content-type": "application/octet-stream",
        },
        body: f,
      });
      const body = (await res.json()) as { ok?: boolean; image?: PickerImage; error?: string };
      if (body.ok && body.image) {
        onUploaded(body.image);
        onPick(body.image);
        dialog.current?.close();
      } else setError(body.error ?? "errors.INTERNAL");
    } catch {
      setError("editor.errors.network");
    } finally {
      setBusy(false);
      if (file.current) file.current.value = "";
    }
  };

  return (
    <>
      <Button type="button" variant="secondary" onClick={() => dialog.current?.showModal()}>
        {t("open")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="image-picker-title"
        className="m-auto w-full max-w-2xl rounded-lg p-5 backdrop:bg-slate-900/40"
      >
        <div className="flex items-center justify-between">
          <h2 id="image-picker-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <Button type="button" variant="ghost" onClick={() => dialog.current?.close()}>
            {t("close")}
          </Button>
        </div>
        <div className="my-3 space-y-1">
          <label htmlFor="picker-upload" className="block text-sm font-medium">
            {t("upload")}
          </label>
          <input
            id="picker-upload"
            ref={file}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            disabled={busy}
            onChange={() => void upload()}
            className="text-sm"
          />
          {busy ? <p className="text-sm text-slate-600">{t("uploading")}</p> : null}
          {error ? (
            <p role="alert" className="text-sm text-red-700">
              {err(error)}
            </p>
          ) : null}
        </div>
        {images.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="grid max-h-96 grid-cols-3 gap-2 overflow-y-auto">
            {images.map((img) => (
              <li key={img.id}>
                <button
                  type="button"
                  className="w-full rounded border border-slate-200 p-1 text-left hover:border-brand-600"
                  onClick={() => {
                    onPick(img);
                    dialog.current?.close();
                  }}
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- bank thumbnails */}
                  <img src={img.src} alt="" className="h-24 w-full object-contain" />
                  <span className="block truncate text-xs">{t("choose", { name: img.name })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </dialog>
    </>
  );
}
