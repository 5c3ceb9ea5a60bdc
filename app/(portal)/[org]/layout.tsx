import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getDisplayName } from "@/lib/account/queries";
import { requireMembership } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isOperator } from "@/lib/operator/guard";
import { listMemberships } from "@/lib/orgs/queries";
import { hasRole } from "@/lib/orgs/roles";
import { AppFrame } from "@/components/layout/app-frame";
import { OrgSwitcher } from "@/components/layout/org-switcher";
import { PortalNav, type NavItem } from "@/components/layout/portal-nav";

export default async function PortalLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ org: string }>;
}) {
  const { org } = await params;
  const m = await requireMembership(org);
  const t = await getTranslations();
  const db = await getDb();
  const [orgs, operator, userName] = await Promise.all([
    listMemberships(db, m.userId),
    isOperator(db, m.userId),
    getDisplayName(db, m.userId),
  ]);
  const e = env();
  const items: NavItem[] = [
    { href: `/${org}`, label: t("nav.overview") },
    { href: `/${org}/registers`, label: t("registers.nav") },
    { href: `/${org}/campaigns`, label: t("campaigns.nav") },
    { href: `/${org}/email`, label: t("campaigns.emailNav") },
    { href: `/${org}/sms/senders`, label: t("smsSenders.nav") },
    { href: `/${org}/users`, label: t("members.nav") },
    { href: `/${org}/settings`, label: t("nav.orgSettings") },
    ...(hasRole(m.role, "main") ? [{ href: `/${org}/audit`, label: t("nav.audit") }] : []),
    ...(e.EMAIL_TRANSPORT === "sandbox"
      ? [{ href: `/${org}/sandbox/outbox`, label: t("nav.sandboxOutbox") }]
      : []),
    ...(e.SMS_GATEWAY === "sandbox"
      ? [{ href: `/${org}/sandbox/phone`, label: t("nav.sandboxPhone") }]
      : []),
  ];
  return (
    <AppFrame
      home={`/${org}`}
      start={
        <>
          <OrgSwitcher current={org} orgs={orgs} label={t("header.switchOrg")} />
          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
            {t(`roles.${m.role}`)}
          </span>
        </>
      }
      end={
        <>
          {operator ? (
            <Link
              href="/operator"
              className="rounded px-2 py-1 text-sm font-medium text-amber-800 hover:bg-amber-50"
            >
              {t("operator.headerLink")}
            </Link>
          ) : null}
          <Link
            href="/account"
            className="max-w-48 truncate rounded px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100"
            title={t("header.account")}
          >
            {userName}
          </Link>
        </>
      }
      banner={
        m.status === "suspended" ? (
          <div
            role="alert"
            className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-center text-sm text-amber-900"
          >
            {t("header.suspended")}
          </div>
        ) : null
      }
    >
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-52 md:shrink-0">
          <PortalNav items={items} label={t("nav.main")} />
        </aside>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </AppFrame>
  );
}
