"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** A read-only code box with a copy button. */
export function CopyCode({ label, code }: { label: string; code: string }) {
  const t = useTranslations("publicForms.settings");
  const [copied, setCopied] = useState(false);
  const id = `code-${label.replace(/\W+/g, "-")}`;
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(code).catch(() => undefined);
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      <textarea
        id={id}
        readOnly
        value={code}
        rows={Math.min(16, code.split("\n").length + 1)}
        className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}
