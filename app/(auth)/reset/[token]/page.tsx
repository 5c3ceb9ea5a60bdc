import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { checkResetLink } from "@/lib/auth/password-reset";
import { AuthShell } from "@/components/layout/auth-shell";
import { NewPasswordForm } from "../_components/new-password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("reset"))("newTitle") };
}

/** A password-reset link: the new-password form while the link works, else why it does not. */
export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const t = await getTranslations("reset");
  const link = await checkResetLink(await getDb(), token, new Date());
  if (link.status !== "valid" || !link.names) {
    return (
      <AuthShell title={t("invalidTitle")}>
        <p role="alert" className="mb-6 text-sm text-slate-800">
          {t("invalidBody")}
        </p>
        <Link
          href="/reset"
          className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          {t("requestNew")}
        </Link>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("newTitle")}>
      <NewPasswordForm
        token={token}
        firstName={link.names.firstName}
        lastName={link.names.lastName}
      />
    </AuthShell>
  );
}
