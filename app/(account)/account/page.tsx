import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getProfile } from "@/lib/account/queries";
import { requireUserId } from "@/lib/auth/session";
import { LeaveOrgButton } from "@/components/orgs/leave-org-button";
import { Card, EmptyState } from "@/components/ui/card";
import { EmailForm, LanguageForm, NameForm, PasswordForm } from "./_components/profile-forms";
import { TableHead } from "@/components/ui/table-head";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

/** Own details in one place (A6): name, e-mail, password, language, organisations. */
export default async function AccountPage() {
  const userId = await requireUserId();
  const profile = await getProfile(await getDb(), userId);
  if (!profile) redirect("/sign-in");
  const t = await getTranslations();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("account.title")}</h1>
        <p className="text-sm text-slate-600">{t("account.intro")}</p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("account.nameTitle")}>
          <NameForm firstName={profile.firstName} lastName={profile.lastName} />
        </Card>
        <Card title={t("account.languageTitle")}>
          <LanguageForm locale={profile.locale} />
        </Card>
        <Card title={t("account.emailTitle")}>
          <EmailForm email={profile.email} pendingEmail={profile.pendingEmail} />
        </Card>
        <Card title={t("account.passwordTitle")}>
          <PasswordForm firstName={profile.firstName} lastName={profile.lastName} />
        </Card>
      </div>
      <Card title={t("account.orgsTitle")}>
        {profile.orgs.length === 0 ? (
          <EmptyState>{t("account.orgsEmpty")}</EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <TableHead
              labels={[t("account.organisation"), t("account.role"), t("account.actions")]}
            />
            <tbody>
              {profile.orgs.map((o) => (
                <tr key={o.orgId} className="border-b border-slate-100">
                  <td className="py-2 pr-4">
                    <Link href={`/${o.slug}`} className="font-medium text-brand-700 underline">
                      {o.name}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{t(`roles.${o.role}`)}</td>
                  <td className="py-2">
                    <LeaveOrgButton org={o} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
