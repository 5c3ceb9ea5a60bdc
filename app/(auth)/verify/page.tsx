import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { AuthShell } from "@/components/layout/auth-shell";
import { ResendForm } from "./_components/resend-form";

export async function generateMetadata() {
  return { title: (await getTranslations("verify"))("resendTitle") };
}

/** Ask for a new verification link (linked from sign-in and from the "check your e-mail" page). */
export default async function ResendVerificationPage() {
  const t = await getTranslations("verify");
  return (
    <AuthShell title={t("resendTitle")}>
      <ResendForm />
      <p className="mt-6 flex flex-wrap gap-4 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("backToSignIn")}
        </Link>
        {env().EMAIL_TRANSPORT === "sandbox" ? (
          <Link href="/sandbox/mail" className="text-brand-700 underline">
            {t("sandboxMail")}
          </Link>
        ) : null}
      </p>
    </AuthShell>
  );
}
