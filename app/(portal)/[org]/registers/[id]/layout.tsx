import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/orgs/roles";
import { loadRegisterForPage } from "@/lib/registers/queries";
import { RegisterTabs, type RegisterTab } from "@/components/registers/register-tabs";

/** Every page of one register shares its tabs: contacts, segments, imports, exports, settings. */
export default async function RegisterLayout({
  params,
  children,
}: {
  params: Promise<{ org: string; id: string }>;
  children: React.ReactNode;
}) {
  const { org, id } = await params;
  const m = await requireMembership(org);
  // Another organisation's register is a 404 here already.
  await loadRegisterForPage(await getDb(), m.orgId, id);
  const t = await getTranslations("registers.tabs");
  const base = `/${org}/registers/${id}`;
  const editor = hasRole(m.role, "editor");
  const tabs: (RegisterTab | false)[] = [
    { href: base, label: t("contacts"), exact: true },
    { href: `${base}/segments`, label: t("segments") },
    editor && { href: `${base}/imports`, label: t("imports") },
    editor && { href: `${base}/exports`, label: t("exports") },
    { href: `${base}/columns`, label: t("columns") },
    { href: `${base}/public`, label: t("publicForms") },
    { href: `${base}/privacy`, label: t("privacy") },
  ];
  return (
    <div className="space-y-6">
      <RegisterTabs tabs={tabs.filter((x): x is RegisterTab => Boolean(x))} label={t("label")} />
      {children}
    </div>
  );
}
