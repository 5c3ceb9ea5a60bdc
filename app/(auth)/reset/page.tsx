import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { AuthShell } from "@/components/layout/auth-shell";
import { RequestResetForm } from "./_components/request-reset-form";

export async function generateMetadata() {
  return { title: (await getTranslations("reset"))("title") };
}

export default async function ResetRequestPage() {
  const t = await getTranslations("reset");
  return (
    <AuthShell
      title={t("title")}
      footer={
        <p className="mt-6 text-center text-sm">
          <Link href="/sign-in" className="text-brand-700 underline">
            {t("backToSignIn")}
          </Link>
        </p>
      }
    >
      <RequestResetForm sandbox={env().EMAIL_TRANSPORT === "sandbox"} />
    </AuthShell>
  );
}
