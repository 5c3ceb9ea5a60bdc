import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import type { ConsentChannel, ConsentStatus } from "@/lib/consent/rules";
import { setPreferenceAction } from "@/lib/tracking/actions";
import { loadPreferences } from "@/lib/tracking/unsubscribe";
import { Button } from "@/components/ui/button";
import { PublicCard } from "../../../_components/public-card";
import { pageLocale } from "../locale";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ lang?: string; done?: string; saved?: string; error?: string }>;
};

export async function generateMetadata({ searchParams }: Props) {
  const locale = await pageLocale((await searchParams).lang);
  return {
    title: (await getTranslations({ locale, namespace: "unsubscribe" }))("preferences.title"),
    robots: { index: false },
  };
}

/**
 * The preference centre (E10): the person's registers in the organisation (contacts with the
 * token's address) × channels, each with its status and a toggle. Token-authorized only.
 */
export default async function PreferencesPage({ params, searchParams }: Props) {
  const { token } = await params;
  const sp = await searchParams;
  const locale = await pageLocale(sp.lang);
  const t = await getTranslations({ locale, namespace: "unsubscribe" });
  const prefs = await loadPreferences(await getDb(), token);
  if (!prefs)
    return (
      <PublicCard title={t("invalid.title")}>
        <p lang={locale}>{t("invalid.body")}</p>
      </PublicCard>
    );
  const { ctx, rows } = prefs;
  const toggle = (contactId: string, channel: ConsentChannel, status: ConsentStatus) => {
    const on = status === "subscribed";
    return (
      <form action={setPreferenceAction}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="contactId" value={contactId} />
        <input type="hidden" name="channel" value={channel} />
        <input type="hidden" name="subscribe" value={on ? "0" : "1"} />
        <input type="hidden" name="lang" value={locale} />
        <Button type="submit" variant="secondary" className="px-2 py-1 text-xs">
          {t(on ? "preferences.unsubscribe" : "preferences.subscribe")}
        </Button>
      </form>
    );
  };
  const cell = (
    contactId: string,
    channel: ConsentChannel,
    address: string | null,
    s: ConsentStatus,
  ) =>
    address ? (
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid={`status-${channel}`}>{t(`status.${s}`)}</span>
        {toggle(contactId, channel, s)}
      </div>
    ) : (
      <span className="text-slate-500">{t("preferences.noAddress")}</span>
    );
  return (
    <PublicCard orgName={ctx.orgName} title={t("preferences.title")}>
      <div lang={locale} className="space-y-4">
        {sp.done ? (
          <p role="status" className="rounded-md bg-green-50 p-3 text-green-800">
            {t("done", { register: ctx.registerName })}
          </p>
        ) : null}
        {sp.saved ? (
          <p role="status" className="text-green-700">
            {t("preferences.saved")}
          </p>
        ) : null}
        {sp.error ? (
          <p role="alert" className="text-red-700">
            {t(sp.error === "noAddress" ? "errors.noAddress" : "errors.failed")}
          </p>
        ) : null}
        {rows.length === 0 ? (
          <p>{t("removed.body", { org: ctx.orgName })}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {t("preferences.intro", { org: ctx.orgName, address: ctx.address })}
            </p>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("preferences.title")}</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-3">
                    {t("preferences.register")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("preferences.email")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("preferences.sms")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.contactId}
                    className="border-b border-slate-100"
                    data-testid="pref-row"
                  >
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {r.registerName}
                    </th>
                    <td className="py-2 pr-3">
                      {cell(r.contactId, "email", r.email, r.emailStatus)}
                    </td>
                    <td className="py-2">{cell(r.contactId, "sms", r.phone, r.smsStatus)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {prefs.emailSuppressed ? (
              <p className="text-sm text-slate-600">{t("preferences.suppressed")}</p>
            ) : null}
          </>
        )}
      </div>
    </PublicCard>
  );
}
