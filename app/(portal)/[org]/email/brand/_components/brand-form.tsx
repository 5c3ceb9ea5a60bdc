"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { previewBrandAction, updateBrandAction } from "@/lib/brand/actions";
import { FONT_STACKS, type BrandStyle } from "@/lib/brand/defaults";
import { FormStatus, useErrorText } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

type Logo = { id: string; name: string };
const COLORS = ["primaryColor", "textColor", "backgroundColor", "contentBackgroundColor"] as const;
type ColorKey = (typeof COLORS)[number];
const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * The brand form (E2) with a live preview: every change re-renders the sample message on the
 * server with the real renderer (nothing is saved) and shows it in a sandboxed iframe.
 */
export function BrandForm({
  org,
  initial,
  logos,
  canEdit,
  initialPreview,
}: {
  org: string;
  initial: BrandStyle;
  logos: Logo[];
  canEdit: boolean;
  initialPreview: string;
}) {
  const t = useTranslations("brand");
  const err = useErrorText();
  const [state, action, pending] = useActionState(updateBrandAction, null);
  const [values, setValues] = useState({
    logoImageId: initial.logoImageId ?? "",
    primaryColor: initial.primaryColor,
    textColor: initial.textColor,
    backgroundColor: initial.backgroundColor,
    contentBackgroundColor: initial.contentBackgroundColor,
    fontStack: initial.fontStack,
  });
  const [preview, setPreview] = useState(initialPreview);
  const formRef = useRef<HTMLFormElement>(null);
  const first = useRef(true);
  const fe = state?.fieldErrors;

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!COLORS.every((k) => HEX.test(values[k]))) return;
    const timer = setTimeout(async () => {
      if (!formRef.current) return;
      const res = await previewBrandAction(null, new FormData(formRef.current));
      if (res.ok && typeof res.data === "string") setPreview(res.data);
    }, 300);
    return () => clearTimeout(timer);
  }, [values]);

  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <form ref={formRef} action={action} className="space-y-4">
        <input type="hidden" name="org" value={org} />
        <fieldset className="space-y-4" disabled={!canEdit}>
          <label className="block space-y-1">
            <span className="block text-sm font-medium text-slate-800">{t("logo")}</span>
            <select
              name="logoImageId"
              value={values.logoImageId}
              onChange={(e) => set("logoImageId")(e.target.value)}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            >
              <option value="">{t("noLogo")}</option>
              {logos.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            <span className="block text-xs text-slate-600">{t("logoHint")}</span>
            {fe?.logoImageId ? (
              <span className="block text-sm text-red-700">
                {fe.logoImageId.map(err).join(" ")}
              </span>
            ) : null}
          </label>
          {COLORS.map((k: ColorKey) => (
            <div key={k} className="space-y-1">
              <label htmlFor={`brand-${k}`} className="block text-sm font-medium text-slate-800">
                {t(k)}
              </label>
              <div className="flex items-center gap-2">
                <input
                  type="color"
                  aria-label={t(k)}
                  value={HEX.test(values[k]) ? values[k].toLowerCase() : "#000000"}
                  onChange={(e) => set(k)(e.target.value)}
                  className="h-9 w-12 cursor-pointer rounded border border-slate-300"
                />
                <input
                  id={`brand-${k}`}
                  name={k}
                  value={values[k]}
                  onChange={(e) => set(k)(e.target.value)}
                  maxLength={7}
                  aria-invalid={fe?.[k] ? true : undefined}
                  className="block w-32 rounded-md border border-slate-300 px-3 py-2 font-mono text-sm aria-[invalid]:border-red-600"
                />
              </div>
              {fe?.[k] ? <p className="text-sm text-red-700">{fe[k].map(err).join(" ")}</p> : null}
            </div>
          ))}
          <label className="block space-y-1">
            <span className="block text-sm font-medium text-slate-800">{t("fontStack")}</span>
            <select
              name="fontStack"
              value={values.fontStack}
              onChange={(e) => set("fontStack")(e.target.value)}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            >
              {FONT_STACKS.map((f) => (
                <option key={f.key} value={f.value} style={{ fontFamily: f.value }}>
                  {t(`fonts.${f.key}`)}
                </option>
              ))}
            </select>
            {fe?.fontStack ? (
              <span className="block text-sm text-red-700">{fe.fontStack.map(err).join(" ")}</span>
            ) : null}
          </label>
        </fieldset>
        {canEdit ? (
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={pending}>
              {pending ? t("saving") : t("save")}
            </Button>
            <FormStatus ok={state?.ok} error={state?.error} success={t("saved")} />
          </div>
        ) : null}
      </form>
      <section aria-label={t("preview")} className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-800">{t("preview")}</h2>
        <iframe
          title={t("previewFrame")}
          srcDoc={preview}
          sandbox=""
          data-testid="brand-preview"
          className="h-[720px] w-full rounded-md border border-slate-300 bg-white"
        />
      </section>
    </div>
  );
}
