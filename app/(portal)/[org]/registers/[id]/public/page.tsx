import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { appUrl } from "@/lib/auth/account-emails";
import { requireMembership } from "@/lib/auth/session";
import { isLocale, locales, type Locale } from "@/lib/i18n/config";
import { hasRole } from "@/lib/orgs/roles";
import { embedFormHtml } from "@/lib/public-forms/embed";
import { availableFields, joinFields, publicTranslator } from "@/lib/public-forms/register";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { Card } from "@/components/ui/card";
import { CopyCode } from "./_components/copy-code";
import { PublicFormsSettings } from "./_components/public-forms-settings";

export async function generateMetadata() {
  return { title: (await getTranslations("publicForms"))("settings.title") };
}

/** A register's public forms (R6): settings (editors), hosted URLs and copy-paste form code. */
export default async function PublicFormsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; id: string }>;
  searchParams: Promise<{ lang?: string }>;
}) {
  const { org, id } = await params;
  const sp = await searchParams;
  const m = await requireMembership(org);
  const db = await getDb();
  const { register } = await loadRegisterForPage(db, m.orgId, id);
  const t = await getTranslations("publicForms.settings");
  const ui = await getLocale();
  const lang: Locale = isLocale(sp.lang) ? sp.lang : isLocale(ui) ? ui : "fi";
  const tl = await publicTranslator(lang);
  const canEdit = hasRole(m.role, "editor");
  const all = await availableFields(db, m.orgId, id, isLocale(ui) ? ui : "fi");
  const base = `/p/r/${register.publicKey}`;
  const labels = {
    required: tl("required"),
    yes: tl("yes"),
    honeypot: tl("honeypot"),
  };
  const emailOnly = (await joinFields(db, m.orgId, id, lang)).slice(0, 1);
  const codes = [
    {
      label: t("codeJoin"),
      code: embedFormHtml({
        action: appUrl(`${base}/submit/join`),
        fields: await joinFields(db, m.orgId, id, lang),
        labels: { ...labels, submit: tl("join.submit") },
        consentWording: register.consentWording,
        idPrefix: "vk-join",
        lang,
      }),
    },
    {
      label: t("codeLeave"),
      code: embedFormHtml({
        action: appUrl(`${base}/submit/leave`),
        fields: emailOnly,
        labels: { ...labels, submit: tl("leave.submit") },
        idPrefix: "vk-leave",
        lang,
      }),
    },
    {
      label: t("codeEdit"),
      code: embedFormHtml({
        action: appUrl(`${base}/submit/edit`),
        fields: emailOnly,
        labels: { ...labels, submit: tl("edit.submit") },
        idPrefix: "vk-edit",
        lang,
      }),
    },
  ];
  const urls = [
    [t("joinUrl"), appUrl(base)],
    [t("leaveUrl"), appUrl(`${base}/leave`)],
    [t("editUrl"), appUrl(`${base}/edit`)],
  ] as const;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${org}/registers/${id}`} className="text-brand-700 hover:underline">
            {register.name}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card title={t("title")}>
        {canEdit ? (
          <PublicFormsSettings
            org={org}
            registerId={id}
            columns={all.map((f) => ({ key: f.key, label: f.label }))}
            initial={{
              publicJoin: register.publicJoin,
              doubleOptIn: register.doubleOptIn,
              joinColumns: register.joinColumns,
              wording: register.consentWording || t("wordingDefault", { org: m.name }),
            }}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("viewerNote")}</p>
        )}
      </Card>
      <Card title={t("urls")}>
        {!register.publicJoin ? (
          <p className="mb-3 text-sm text-amber-800">{t("joinDisabled")}</p>
        ) : null}
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {urls.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-600">{k}</dt>
              <dd>
                <a
                  href={v}
                  className="break-all text-brand-700 underline"
                  target="_blank"
                  rel="noreferrer"
                >
                  {v}
                </a>
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={t("code")}>
        <p className="mb-2 text-sm text-slate-600">{t("codeIntro")}</p>
        <p className="mb-4 flex gap-2 text-sm">
          {t("codeLang")}
          {locales.map((l) => (
            <Link
              key={l}
              href={`?lang=${l}`}
              aria-current={l === lang ? "true" : undefined}
              className="text-brand-700 underline aria-[current]:font-semibold aria-[current]:no-underline"
            >
              {l === "fi" ? "Suomi" : "English"}
            </Link>
          ))}
        </p>
        <div className="space-y-5">
          {codes.map((c) => (
            <CopyCode key={c.label} label={c.label} code={c.code} />
          ))}
        </div>
        <p className="mt-4 text-xs text-slate-600">{t("codeNote")}</p>
      </Card>
    </div>
  );
}
