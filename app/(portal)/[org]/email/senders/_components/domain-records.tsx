"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import { checkDomainAction } from "@/lib/senders/actions";
import type { DomainCheck, ExpectedRecords } from "@/lib/senders/dns-check";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";

const KINDS = ["spf", "dkim", "dmarc"] as const;

/** The three TXT records to publish, each with the last DNS check's verdict and what to fix. */
export function DomainRecords({
  org,
  domainId,
  records,
  lastCheck,
  checkedAt,
  canCheck,
}: {
  org: string;
  domainId: string;
  records: ExpectedRecords;
  lastCheck: DomainCheck | null;
  checkedAt: string | null;
  canCheck: boolean;
}) {
  const t = useTranslations("senders");
  const [state, action, pending] = useActionState(
    checkDomainAction as (
      p: ActionResult<unknown> | null,
      f: FormData,
    ) => Promise<ActionResult<unknown>>,
    null,
  );
  return (
    <div className="space-y-3">
      <h4 className="text-sm font-medium text-slate-700">{t("domains.records")}</h4>
      <ul className="space-y-3">
        {KINDS.map((k) => {
          const r = records[k];
          const verdict = lastCheck?.status === "checked" ? lastCheck[k] : null;
          return (
            <li
              key={k}
              className="rounded border border-slate-100 bg-slate-50 p-3 text-sm"
              data-record={k}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{t(`domains.${k}`)}</span>
                <span className="text-slate-600">TXT</span>
                {verdict ? (
                  <span className={verdict.ok ? "text-green-700" : "text-red-700"}>
                    {verdict.ok ? `✓ ${t("domains.ok")}` : `✗ ${t("domains.notOk")}`}
                  </span>
                ) : null}
              </div>
              <p className="mt-1">
                <span className="text-slate-600">{t("domains.host")}: </span>
                <code className="break-all">{r.name}</code>
              </p>
              <p className="mt-1">
                <span className="text-slate-600">{t("domains.value")}: </span>
                <code className="break-all select-all">{r.value}</code>
              </p>
              {verdict && !verdict.ok ? (
                <>
                  {verdict.error ? (
                    <p className="mt-1 text-red-700">{t(`fix.${verdict.error}`)}</p>
                  ) : null}
                  {verdict.found.map((f) => (
                    <p key={f} className="mt-1 break-all text-slate-600">
                      {t("domains.found", { value: f })}
                    </p>
                  ))}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      {lastCheck?.status === "unavailable" ? (
        <p role="status" className="text-sm text-amber-700">
          {t("domains.unavailable", { code: lastCheck.code })}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-xs text-slate-600">
          {checkedAt ? t("domains.checkedAt", { date: checkedAt }) : t("domains.notChecked")}
        </p>
        {canCheck ? (
          <form action={action}>
            <input type="hidden" name="org" value={org} />
            <input type="hidden" name="domainId" value={domainId} />
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? t("domains.checking") : t("domains.check")}
            </Button>
          </form>
        ) : null}
        <FormStatus error={state?.error} success="" />
      </div>
    </div>
  );
}
