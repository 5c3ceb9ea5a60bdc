import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { getInvitationByToken, type InvitationStatus } from "@/lib/orgs/invitation-accept";
import { findMembership } from "@/lib/orgs/queries";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { AcceptForm } from "./_components/accept-form";
import { RegisterForm } from "./_components/register-form";

// The token in the URL is a credential: keep the page out of search engines.
export async function generateMetadata() {
  return {
    title: (await getTranslations("invite"))("title"),
    robots: { index: false, follow: false },
  };
}

/** The invitation link (A3): register, accept with one click, or a page saying why it cannot be used. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("invite");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const db = await getDb();
  const inv = await getInvitationByToken(db, token);
  const session = await auth();

  if (!inv) return <Closed reason="invalid" />;
  if (inv.status !== "valid") return <Closed reason={inv.status} org={inv.org.name} />;

  const role = tr(inv.role).toLocaleLowerCase();
  const userId = session?.user?.id;
  const member = userId ? await findMembership(db, userId, inv.org.slug) : null;
  const signInHref = `/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <Shell title={t("title")}>
      <p className="mb-2 text-sm">
        {inv.inviterName
          ? t("intro", { inviter: inv.inviterName, org: inv.org.name, role })
          : t("introNoInviter", { org: inv.org.name, role })}
      </p>
      <p className="mb-6 text-sm text-slate-600">
        {t("validUntil", { date: format.dateTime(inv.expiresAt, "short") })}
      </p>
      {member ? (
        <div className="space-y-4">
          <p role="status" className="text-sm">
            {t("alreadyMember", { org: inv.org.name })}
          </p>
          <Link
            href={`/${inv.org.slug}`}
            className="text-sm font-semibold text-brand-700 underline"
          >
            {t("open", { org: inv.org.name })}
          </Link>
        </div>
      ) : userId ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            {t("signedInAs", { email: session?.user?.email ?? "" })}
          </p>
          {session?.user?.email && session.user.email.toLowerCase() !== inv.email.toLowerCase() ? (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              {t("otherAddress", { invited: inv.email })}
            </p>
          ) : null}
          <AcceptForm token={token} label={t("join", { org: inv.org.name, role })} />
        </div>
      ) : (
        <div className="space-y-6">
          <h2 className="text-lg font-semibold">{t("register")}</h2>
          <RegisterForm token={token} email={inv.email} />
          <p className="border-t border-slate-200 pt-4 text-sm">
            {t("haveAccount")}{" "}
            <Link href={signInHref} className="font-semibold text-brand-700 underline">
              {t("signIn")}
            </Link>
          </p>
        </div>
      )}
    </Shell>
  );
}

async function Closed({
  reason,
  org,
}: {
  reason: Exclude<InvitationStatus, "valid"> | "invalid";
  org?: string;
}) {
  const t = await getTranslations("invite.closed");
  return (
    <Shell title={t(`${reason}.title`)}>
      <p className="mb-3 text-sm">{t(`${reason}.body`)}</p>
      <p className="mb-6 text-sm font-medium">{org ? t("ask", { org }) : t("askUnknown")}</p>
      <Link href="/sign-in" className="text-sm text-brand-700 underline">
        {t("toSignIn")}
      </Link>
    </Shell>
  );
}

async function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-lg">
        <p className="mb-8 text-center text-2xl font-bold text-brand-700">{t("name")}</p>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-xl font-semibold">{title}</h1>
          {children}
        </div>
        <div className="mt-4 flex justify-center">
          <LocaleSwitch />
        </div>
      </div>
    </main>
  );
}
