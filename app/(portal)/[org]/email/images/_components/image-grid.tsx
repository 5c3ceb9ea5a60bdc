"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { deleteImageAction } from "@/lib/images/actions";

type Img = {
  id: string;
  name: string;
  src: string;
  width: number;
  height: number;
  sizeBytes: number;
  contentType: string;
};

/** Upload form and the grid of bank images (delete for editors, after a confirmation). */
export function ImageGrid({
  org,
  images,
  canEdit,
}: {
  org: string;
  images: Img[];
  canEdit: boolean;
}) {
  const t = useTranslations("images");
  const format = useFormatter();
  const err = useErrorText();
  const router = useRouter();
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const upload = () =>
    start(async () => {
      const f = file.current?.files?.[0];
      if (!f) return setError("images.errors.empty");
      setError(null);
      try {
        const res = await fetch(`/${org}/email/images/upload`, {
          method: "POST",
          headers: {
            "x-file-name": encodeURIComponent(f.name),
            "content-type": "application/octet-stream",
          },
          body: f,
        });
        const body = (await res.json()) as { ok?: boolean; error?: string };
        if (!body.ok) return setError(body.error ?? "errors.INTERNAL");
        if (file.current) file.current.value = "";
        router.refresh();
      } catch {
        setError("editor.errors.network");
      }
    });
  const remove = (imageId: string) =>
    start(async () => {
      const fd = new FormData();
      fd.set("org", org);
      fd.set("imageId", imageId);
      const r = await deleteImageAction(null, fd);
      setConfirmId(null);
      if (!r.ok) setError(r.error ?? "errors.INTERNAL");
      else router.refresh();
    });
  const kb = (n: number) => format.number(n / 1024, { maximumFractionDigits: n < 10_240 ? 1 : 0 });

  return (
    <div className="space-y-4">
      {canEdit ? (
        <Card title={t("uploadTitle")}>
          <div className="flex flex-wrap items-end gap-3">
            <label className="space-y-1 text-sm">
              <span className="block font-medium">{t("file")}</span>
              <input
                ref={file}
                type="file"
                accept="image/png,image/jpeg,image/gif,image/webp"
                className="text-sm"
                onChange={() => setError(null)}
              />
            </label>
            <Button type="button" onClick={upload} disabled={pending}>
              {pending ? t("uploading") : t("upload")}
            </Button>
          </div>
          {error ? (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {err(error)}
            </p>
          ) : null}
        </Card>
      ) : null}
      {images.length === 0 ? (
        <EmptyState>{canEdit ? t("empty") : t("emptyViewer")}</EmptyState>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {images.map((img) => (
            <li key={img.id} className="space-y-1 rounded-lg border border-slate-200 bg-white p-2">
              {/* eslint-disable-next-line @next/next/no-img-element -- bank images of any size */}
              <img
                src={img.src}
                alt={img.name}
                className="h-32 w-full rounded bg-slate-50 object-contain"
              />
              <p className="truncate text-sm font-medium" title={img.name}>
                {img.name}
              </p>
              <p className="text-xs text-slate-600">
                {t("meta", {
                  width: img.width,
                  height: img.height,
                  kb: kb(img.sizeBytes),
                  type: img.contentType.replace("image/", "").toUpperCase(),
                })}
              </p>
              {canEdit ? (
                confirmId === img.id ? (
                  <span className="flex flex-wrap items-center gap-1 text-xs">
                    <span>{t("confirmDelete")}</span>
                    <Button
                      type="button"
                      className="px-2 py-1 text-xs"
                      disabled={pending}
                      onClick={() => remove(img.id)}
                    >
                      {t("delete")}
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      className="px-2 py-1 text-xs"
                      onClick={() => setConfirmId(null)}
                    >
                      {t("cancel")}
                    </Button>
                  </span>
                ) : (
                  <Button
                    type="button"
                    variant="ghost"
                    className="px-2 py-1 text-xs text-red-700"
                    onClick={() => setConfirmId(img.id)}
                    aria-label={t("deleteNamed", { name: img.name })}
                  >
                    {t("delete")}
                  </Button>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
