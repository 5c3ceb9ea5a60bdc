import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { getSandboxEmail, listSandboxEmails } from "@/lib/email/queries";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { SandboxMailbox } from "@/components/email/sandbox-mailbox";

const PAGE = 50;

export async function generateMetadata() {
  return { title: (await getTranslations("outbox"))("mailTitle") };
}

/**
 * The sandbox mailbox of account e-mails (verification, reset, notices) that belong to no
 * organisation. Public so a new user can read their link; exists only in sandbox mode.
 */
export default async function SandboxMailPage({
  searchParams,
}: {
  searchParams: Promise<{ m?: string; page?: string }>;
}) {
  if (env().EMAIL_TRANSPORT !== "sandbox") notFound();
  const { m: selectedId, page: pageParam } = await searchParams;
  const t = await getTranslations("outbox");
  const db = await getDb();
  const page = Math.max(0, Number(pageParam) || 0);
  const { rows, total } = await listSandboxEmails(db, null, { limit: PAGE, offset: page * PAGE });
  const selected = selectedId ? await getSandboxEmail(db, null, selectedId) : null;

  return (
    <div className="min-h-screen">
      <div
        role="note"
        className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-center text-sm font-medium text-amber-900"
      >
        {t("mailBanner")}
      </div>
      <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold">{t("mailTitle")}</h1>
            <p className="text-sm text-slate-600">{t("mailIntro")}</p>
          </div>
          <div className="flex items-center gap-3">
            <LocaleSwitch />
            <Link href="/sign-in" className="text-sm text-brand-700 underline">
              {t("signIn")}
            </Link>
          </div>
        </div>
        <SandboxMailbox
          rows={rows}
          total={total}
          selected={selected}
          page={page}
          pageSize={PAGE}
          basePath="/sandbox/mail"
          empty={t("mailEmpty")}
          label={t("mailTitle")}
        />
      </main>
    </div>
  );
}
