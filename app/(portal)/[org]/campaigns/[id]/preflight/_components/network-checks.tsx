"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action";
import type { UrlCheck } from "@/lib/campaigns/link-check";
import type { NetworkChecks as Checks } from "@/lib/campaigns/preflight";
import { runNetworkChecksAction } from "@/lib/campaigns/preflight-actions";
import { FormStatus } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type Result = ActionResult<Checks>;

/** Runs the link/image check and rspamd on request and shows the result per URL and symbol. */
export function NetworkChecks({
  org,
  campaignId,
  contactId,
}: {
  org: string;
  campaignId: string;
  contactId: string;
}) {
  const t = useTranslations("preflight");
  const [state, action, pending] = useActionState(
    runNetworkChecksAction as (p: Result | null, f: FormData) => Promise<Result>,
    null,
  );
  const data = state?.ok ? state.data : undefined;
  return (
    <Card title={t("links.title")}>
      <p className="mb-3 text-sm text-slate-600">{t("links.intro")}</p>
      <form action={action}>
        <input type="hidden" name="org" value={org} />
        <input type="hidden" name="campaignId" value={campaignId} />
        <input type="hidden" name="contactId" value={contactId} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("links.running") : t("links.run")}
        </Button>
      </form>
      <FormStatus error={state?.error} success="" />
      {data ? (
        <div className="mt-4 space-y-6">
          {data.urls.length === 0 ? (
            <p className="text-sm">{t("links.none")}</p>
          ) : (
            <table className="w-full text-sm" aria-label={t("links.title")}>
              <thead className="border-b border-slate-200 text-left text-slate-600">
                <tr>
                  <th className="px-2 py-1">{t("links.url")}</th>
                  <th className="px-2 py-1">{t("links.kind")}</th>
                  <th className="px-2 py-1">{t("links.result")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.urls.map((u) => (
                  <tr key={u.url} data-ok={u.ok}>
                    <td className="px-2 py-1 break-all">{u.url}</td>
                    <td className="px-2 py-1">{t(`links.${u.kind}`)}</td>
                    <td className={`px-2 py-1 ${u.ok ? "text-green-700" : "text-red-700"}`}>
                      <UrlResult u={u} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Rspamd result={data.rspamd} />
        </div>
      ) : null}
    </Card>
  );
}

function UrlResult({ u }: { u: UrlCheck }) {
  const t = useTranslations("preflight.links");
  let text: string;
  if (u.via !== "http") text = u.ok ? t(u.via) : t(`errors.${u.error ?? "http_status"}`);
  else if (u.status !== null)
    text = u.ok ? t("okStatus", { status: u.status }) : t("badStatus", { status: u.status });
  else text = t(`errors.${u.error ?? "connection"}`);
  const moved =
    u.finalUrl && u.finalUrl !== u.url ? ` (${t("redirected", { url: u.finalUrl })})` : "";
  return <>{`${u.ok ? "✓" : "✗"} ${text}${moved}`}</>;
}

function Rspamd({ result }: { result: Checks["rspamd"] }) {
  const t = useTranslations("preflight.spam.rspamd");
  return (
    <section aria-label={t("title")}>
      <h3 className="mb-2 text-sm font-medium text-slate-700">{t("title")}</h3>
      {result === null ? (
        <p className="text-sm text-slate-600">{t("notConfigured")}</p>
      ) : !result.ok ? (
        <p className="text-sm text-amber-700">{t("unavailable", { error: result.error })}</p>
      ) : (
        <>
          <p className="text-sm font-medium" data-testid="rspamd-score">
            {t("score", {
              score: result.score.toFixed(2),
              required: result.requiredScore.toFixed(2),
              action: result.action,
            })}
          </p>
          {result.symbols.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm" aria-label={t("symbols")}>
              {result.symbols.map((s) => (
                <li key={s.name}>
                  <code>{s.name}</code> ({s.score > 0 ? "+" : ""}
                  {s.score.toFixed(2)}){s.description ? ` – ${s.description}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
